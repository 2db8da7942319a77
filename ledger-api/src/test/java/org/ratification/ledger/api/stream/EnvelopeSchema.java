package org.ratification.ledger.api.stream;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/** The repository's JSON Schema of the event envelope (schema/*.json), with formats asserted. */
public final class EnvelopeSchema {

    public static final String BASE = "https://ratification-ledger.example/schema/";

    private static final JsonSchema SCHEMA = load();

    private EnvelopeSchema() {}

    private static JsonSchema load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:schema/")));
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of(BASE + "event-envelope.json"), config);
    }

    /** The schema's complaints about this JSON text; empty when it is valid. */
    public static Set<ValidationMessage> validate(String json) {
        return SCHEMA.validate(json, com.networknt.schema.InputFormat.JSON);
    }
}
