package dev.parley.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reading the synthesized template, a tree of maps, lists and scalars. */
final class JsonTree {

    private JsonTree() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (!(node instanceof Map)) {
            throw new AssertionError("expected a JSON object, found " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        if (!(node instanceof List)) {
            throw new AssertionError("expected a JSON array, found " + node);
        }
        return (List<Object>) node;
    }

    /** A value that may be one item or a list of them, as IAM's Action and Resource are. */
    static List<Object> oneOrMany(Object node) {
        return node instanceof List ? list(node) : List.of(node);
    }

    /**
     * {@code path} followed through nested objects, e.g. {@code at(resource, "Properties", "Handler")}; null where
     * the path ends early.
     */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (current == null) {
                return null;
            }
            current = map(current).get(key);
        }
        return current;
    }

    /** The template's resources of {@code type}, by logical id. */
    static Map<String, Map<String, Object>> resources(Map<String, Object> template, String type) {
        return map(template.get("Resources")).entrySet().stream()
                .filter(entry -> type.equals(map(entry.getValue()).get("Type")))
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> map(entry.getValue()),
                        (first, second) -> first, LinkedHashMap::new));
    }

    /** The only resource of {@code type}. */
    static Map.Entry<String, Map<String, Object>> single(Map<String, Object> template, String type) {
        Map<String, Map<String, Object>> found = resources(template, type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + found.keySet());
        }
        return found.entrySet().iterator().next();
    }

    /** The one item of {@code items}. */
    static <T> T singleItem(List<T> items) {
        if (items.size() != 1) {
            throw new AssertionError("expected exactly one, found " + items);
        }
        return items.get(0);
    }

    /** Every {@code Ref} target anywhere in {@code node}. */
    static Set<String> refsIn(Object node) {
        Set<String> refs = new TreeSet<>();
        collectRefs(node, refs);
        return refs;
    }

    private static void collectRefs(Object node, Set<String> refs) {
        if (node instanceof Map) {
            map(node).forEach((key, value) -> {
                if ("Ref".equals(key) && value instanceof String) {
                    refs.add((String) value);
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof List) {
            list(node).forEach(item -> collectRefs(item, refs));
        }
    }

    /**
     * {@code node} evaluated as CloudFormation would at deploy time, given the values of the {@code Ref}s and
     * {@code Fn::GetAtt}s it uses ({@code "Logical.Attribute"} for the latter); only {@code Fn::Join} is computed.
     */
    static String evaluate(Object node, Map<String, String> values) {
        if (node instanceof String) {
            return (String) node;
        }
        Map<String, Object> function = map(node);
        if (function.containsKey("Ref")) {
            return known(values, (String) function.get("Ref"));
        }
        if (function.containsKey("Fn::GetAtt")) {
            return known(values, String.join(".", list(function.get("Fn::GetAtt")).stream().map(String::valueOf).toList()));
        }
        if (function.containsKey("Fn::Join")) {
            List<Object> join = list(function.get("Fn::Join"));
            return list(join.get(1)).stream().map(part -> evaluate(part, values))
                    .collect(Collectors.joining((String) join.get(0)));
        }
        throw new AssertionError("cannot evaluate " + node);
    }

    private static String known(Map<String, String> values, String name) {
        if (!values.containsKey(name)) {
            throw new AssertionError("no value given for " + name);
        }
        return values.get(name);
    }

    static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    static Map<String, Object> getAtt(String logicalId, String attribute) {
        return Map.of("Fn::GetAtt", List.of(logicalId, attribute));
    }

    static Map<String, Object> join(Object... parts) {
        return Map.of("Fn::Join", List.of("", List.of(parts)));
    }
}
