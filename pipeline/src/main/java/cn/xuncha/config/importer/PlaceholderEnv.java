package cn.xuncha.config.importer;

import java.util.AbstractMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An environment for {@link cn.xuncha.config.ConfigLoader} that answers unset variables with a visible placeholder
 * ({@code CAM_PASS} → {@code unset-cam-pass}) and remembers which it substituted. Used to check a registry's structure
 * on a machine that does not hold the camera credentials; never to run the service.
 */
public final class PlaceholderEnv extends AbstractMap<String, String> {
    private final Map<String, String> real;
    private final Set<String> substituted = new TreeSet<>();

    public PlaceholderEnv(Map<String, String> real) {
        this.real = real;
    }

    /** The stand-in for an unset variable: lower-case with '-' so it is valid as user, password, host or path. */
    public static String placeholder(String name) {
        return "unset-" + name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String get(Object key) {
        String v = real.get(key);
        if (v != null || !(key instanceof String name)) return v;
        substituted.add(name);
        return placeholder(name);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return real.entrySet();
    }

    /** Names that were unset and got a placeholder, sorted. */
    public List<String> substituted() {
        return List.copyOf(substituted);
    }
}
