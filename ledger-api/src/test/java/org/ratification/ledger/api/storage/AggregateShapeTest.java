package org.ratification.ledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.treaty.TreatyAggregate;

/** The shape of an aggregate, the revision of its snapshots, and their Jackson round trip. */
class AggregateShapeTest {

    static class Facts {
        private final String definition;
        private final Map<String, List<String>> actions;
        private final Set<String> recordIds;

        private Facts(String definition, Map<String, List<String>> actions, Set<String> recordIds) {
            this.definition = definition;
            this.actions = actions;
            this.recordIds = recordIds;
        }

        Facts(String definition) {
            this(definition, new LinkedHashMap<>(), new LinkedHashSet<>());
        }
    }

    static class Aggregate {
        private static final String IGNORED = "static";
        private String id;
        private Facts facts;
        private transient Object cache;

        Aggregate() {}
    }

    static class AggregateWithOneMoreField {
        private String id;
        private Facts facts;
        private String chainHead;
    }

    @Test
    void theShapeNamesEveryFieldOfTheAggregateAndOfTheLedgerClassesItHolds() {
        String shape = AggregateShape.describe(Aggregate.class);
        assertThat(shape)
                .contains("id:java.lang.String;")
                .contains("facts:" + Facts.class.getName())
                .contains("actions:java.util.Map<java.lang.String, java.util.List<java.lang.String>>;")
                .contains("recordIds:java.util.Set<java.lang.String>;")
                .doesNotContain("IGNORED")
                .doesNotContain("cache");
        assertThat(AggregateShape.describe(TreatyAggregate.type()))
                .contains("org.ratification.ledger.core.rules.TreatyFacts{")
                .contains("org.ratification.ledger.core.rules.Action{")
                .contains("org.ratification.ledger.core.api.TreatyDefinition{");
    }

    @Test
    void aFieldMoreIsAnotherShapeAndTheSameClassKeepsItsRevision() {
        assertThat(AggregateShape.describe(AggregateWithOneMoreField.class).replace("AggregateWithOneMoreField", ""))
                .isNotEqualTo(AggregateShape.describe(Aggregate.class).replace("Aggregate", ""));
        assertThat(AggregateShape.revisionOf(Aggregate.class))
                .isEqualTo(AggregateShape.revisionOf(Aggregate.class))
                .hasSize(16);
    }

    @Test
    void aClassWithoutJacksonAnnotationsOrDefaultConstructorSurvivesTheSnapshotMapperInOrder() throws Exception {
        Aggregate aggregate = new Aggregate();
        aggregate.id = "t-1";
        aggregate.facts = new Facts("def");
        aggregate.facts.actions.put("r2", List.of("b"));
        aggregate.facts.actions.put("r1", List.of("a"));
        aggregate.facts.recordIds.add("r2");
        aggregate.facts.recordIds.add("r1");
        aggregate.cache = "not stored";
        var mapper = SnapshotSerialization.objectMapper();

        Aggregate back = mapper.readValue(mapper.writeValueAsBytes(aggregate), Aggregate.class);

        assertThat(back.id).isEqualTo("t-1");
        assertThat(back.facts.definition).isEqualTo("def");
        assertThat(back.facts.actions.keySet()).containsExactly("r2", "r1");
        assertThat(back.facts.recordIds).containsExactly("r2", "r1");
        assertThat(back.facts.recordIds).isInstanceOf(LinkedHashSet.class);
        assertThat(back.cache).isNull();
    }
}
