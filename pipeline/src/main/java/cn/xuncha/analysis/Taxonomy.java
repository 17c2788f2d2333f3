package cn.xuncha.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Human names of the {@link Category} codes, read from {@code seeds/taxonomy.yaml}. Loading checks that the
 * file names every category exactly once and nothing else, so code and seed data cannot drift apart.
 */
public final class Taxonomy {

    /** One category as people see it. */
    public record Entry(Category category, String zh, String en, String shiluan, String source, String zoneRule) {}

    private final Map<Category, Entry> entries;

    private Taxonomy(Map<Category, Entry> entries) {
        this.entries = entries;
    }

    public Entry get(Category c) {
        return entries.get(c);
    }

    public List<Entry> all() {
        return List.copyOf(entries.values());
    }

    /** Reads {@code <home>/seeds/taxonomy.yaml}, home being {@code -Dxuncha.home} or the working directory. */
    public static Taxonomy loadDefault() {
        return load(Path.of(System.getProperty("xuncha.home", ".")).resolve("seeds").resolve("taxonomy.yaml"));
    }

    public static Taxonomy load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read taxonomy " + file + ": " + e.getMessage(), e);
        }
        List<String> errors = new ArrayList<>();
        Map<Category, Entry> entries = new EnumMap<>(Category.class);
        JsonNode list = root == null ? null : root.get("categories");
        if (list == null || !list.isArray()) errors.add("categories: expected a list");
        else for (int i = 0; i < list.size(); i++) entry(list.get(i), "categories[" + i + "]", entries, errors);
        for (Category c : Category.values()) if (!entries.containsKey(c)) errors.add("categories: missing code '" + c.code() + "'");
        if (!errors.isEmpty()) throw new IllegalArgumentException("taxonomy " + file + ":\n  " + String.join("\n  ", errors));
        return new Taxonomy(entries);
    }

    private static void entry(JsonNode n, String path, Map<Category, Entry> out, List<String> errors) {
        String code = text(n, "code");
        Optional<Category> c = Category.fromCode(code);
        if (c.isEmpty()) {
            errors.add(path + ".code: unknown category code '" + code + "'");
            return;
        }
        if (out.containsKey(c.get())) errors.add(path + ".code: duplicate '" + code + "'");
        for (String key : List.of("zh", "en", "shiluan", "source")) if (text(n, key).isEmpty()) errors.add(path + "." + key + ": required");
        out.put(c.get(), new Entry(c.get(), text(n, "zh"), text(n, "en"), text(n, "shiluan"), text(n, "source"), text(n, "zoneRule")));
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n == null ? null : n.get(key);
        return v == null || v.isNull() ? "" : v.asText().trim();
    }
}
