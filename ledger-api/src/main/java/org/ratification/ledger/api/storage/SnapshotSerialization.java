package org.ratification.ledger.api.storage;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.introspect.PotentialCreator;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.ratification.ledger.api.config.AxonConfiguration;

/**
 * Jackson for aggregate snapshots, without Jackson annotations in the domain: an aggregate is
 * written field by field (getters are ignored, {@code transient} fields are skipped) and read
 * back through its no-argument constructor or, for a class without one, through the constructor
 * that takes exactly its fields (matched by parameter name, which the build keeps). Sets and maps
 * come back in their original order. Events keep their own mapper; this one only sees snapshots.
 */
public final class SnapshotSerialization {

    private SnapshotSerialization() {}

    public static ObjectMapper objectMapper() {
        ObjectMapper mapper = AxonConfiguration.storageObjectMapper();
        mapper.setAnnotationIntrospector(new FieldConstructorIntrospector());
        mapper.registerModule(new ParameterNamesModule());
        mapper.registerModule(new SimpleModule("ordered-collections")
                .addAbstractTypeMapping(Set.class, LinkedHashSet.class)
                .addAbstractTypeMapping(Map.class, LinkedHashMap.class));
        mapper.setVisibility(PropertyAccessor.ALL, Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, Visibility.ANY);
        mapper.setVisibility(PropertyAccessor.CREATOR, Visibility.ANY);
        return mapper;
    }

    /** The snapshot serializer: revisions are the aggregate's shape, see {@link AggregateShape}. */
    public static Serializer serializer() {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper())
                .revisionResolver(AggregateShape::revisionOf)
                .build();
    }

    /**
     * Picks, for a class with neither a no-argument constructor nor an annotated creator, the
     * constructor whose parameters are exactly the class's instance fields.
     */
    static final class FieldConstructorIntrospector extends JacksonAnnotationIntrospector {

        @Override
        public PotentialCreator findDefaultCreator(
                MapperConfig<?> config,
                AnnotatedClass valueClass,
                List<PotentialCreator> declaredConstructors,
                List<PotentialCreator> declaredFactories) {
            PotentialCreator found =
                    super.findDefaultCreator(config, valueClass, declaredConstructors, declaredFactories);
            Class<?> type = valueClass.getRawType();
            if (found != null || type.isRecord() || type.isEnum() || hasNoArgumentConstructor(type)) {
                return found;
            }
            Set<String> fields = AggregateShape.instanceFieldNames(type);
            for (PotentialCreator candidate : declaredConstructors) {
                if (candidate.creator().getAnnotated() instanceof Constructor<?> constructor
                        && takesExactly(constructor, fields)) {
                    return candidate.overrideMode(JsonCreator.Mode.PROPERTIES);
                }
            }
            return null;
        }

        private static boolean hasNoArgumentConstructor(Class<?> type) {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 0) {
                    return true;
                }
            }
            return false;
        }

        private static boolean takesExactly(Constructor<?> constructor, Set<String> fields) {
            if (constructor.getParameterCount() != fields.size() || fields.isEmpty()) {
                return false;
            }
            for (Parameter parameter : constructor.getParameters()) {
                if (!parameter.isNamePresent() || !fields.contains(parameter.getName())) {
                    return false;
                }
            }
            return true;
        }
    }
}
