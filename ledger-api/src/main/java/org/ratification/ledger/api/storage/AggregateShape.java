package org.ratification.ledger.api.storage;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventData;

/**
 * The shape of an aggregate: its fields, and the fields of the ledger's own classes they hold,
 * with their types, as a short hash. A snapshot is stored with the shape of the aggregate that
 * wrote it as its revision, and is read back only while the aggregate still has that shape: when
 * a change adds, removes or retypes a field anywhere in the aggregate's state, older snapshots are
 * ignored and the aggregate is rebuilt from its events (and snapshotted again), so nobody has to
 * remember to bump a revision by hand.
 */
public final class AggregateShape {

    private static final String OWN_PACKAGE = "org.ratification.";
    private static final Map<Class<?>, String> REVISIONS = new ConcurrentHashMap<>();

    private AggregateShape() {}

    /** The revision of a snapshot of {@code type}: the hash of its shape. */
    public static String revisionOf(Class<?> type) {
        return REVISIONS.computeIfAbsent(type, AggregateShape::hash);
    }

    /** Whether a stored snapshot has the shape of its aggregate class as it is now. */
    public static boolean isCurrent(DomainEventData<?> snapshot) {
        String typeName = snapshot.getPayload().getType().getName();
        try {
            Class<?> type = Class.forName(typeName, false, AggregateShape.class.getClassLoader());
            return revisionOf(type).equals(snapshot.getPayload().getType().getRevision());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The names of the fields Jackson writes: neither static nor transient. */
    static Set<String> instanceFieldNames(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        for (Field field : type.getDeclaredFields()) {
            if (isState(field)) {
                names.add(field.getName());
            }
        }
        return names;
    }

    static String describe(Class<?> root) {
        Map<String, String> classes = new TreeMap<>();
        collect(root, classes);
        StringBuilder text = new StringBuilder();
        classes.forEach(
                (name, fields) -> text.append(name).append('{').append(fields).append("}\n"));
        return text.toString();
    }

    private static String hash(Class<?> type) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(describe(type).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Class<?> type, Map<String, String> classes) {
        if (type == null
                || type.isPrimitive()
                || type.isArray() && type.getComponentType().isPrimitive()) {
            return;
        }
        if (type.isArray()) {
            collect(type.getComponentType(), classes);
            return;
        }
        if (!type.getName().startsWith(OWN_PACKAGE) || classes.containsKey(type.getName())) {
            return;
        }
        if (type.isEnum()) {
            classes.put(type.getName(), "enum");
            return;
        }
        classes.put(type.getName(), "");
        StringBuilder fields = new StringBuilder();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            java.util.Arrays.stream(c.getDeclaredFields())
                    .filter(AggregateShape::isState)
                    .sorted(Comparator.comparing(Field::getName))
                    .forEach(field -> {
                        fields.append(field.getName())
                                .append(':')
                                .append(field.getGenericType().getTypeName())
                                .append(';');
                        collectType(field.getGenericType(), classes);
                    });
        }
        classes.put(type.getName(), fields.toString());
    }

    private static void collectType(Type type, Map<String, String> classes) {
        if (type instanceof Class<?> c) {
            collect(c, classes);
        } else if (type instanceof ParameterizedType p) {
            collectType(p.getRawType(), classes);
            for (Type argument : p.getActualTypeArguments()) {
                collectType(argument, classes);
            }
        }
    }

    private static boolean isState(Field field) {
        int modifiers = field.getModifiers();
        return !Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic();
    }
}
