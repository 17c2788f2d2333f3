package cn.xuncha.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Camera credentials: expansion of ${ENV_VAR} references and masking so secrets never reach logs, APIs or reports. */
public final class Credentials {
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern USERINFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@]+)@");
    private static final Pattern SECRET_PARAM =
            Pattern.compile("(?i)([?&](?:password|passwd|pwd|pass|user|username|token|auth)=)[^&]*");

    private Credentials() {}

    /** Replaces ${NAME} with the variable's value; unknown names are reported through the callback and left as is. */
    public static String expand(String value, Map<String, String> env, java.util.function.Consumer<String> missing) {
        Matcher m = ENV_REF.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.get(m.group(1));
            if (v == null) {
                missing.accept(m.group(1));
                v = m.group(0);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The URL with user info and secret query parameters replaced by ***. Safe to log and to show. */
    public static String mask(String url) {
        if (url == null) return null;
        String masked = USERINFO.matcher(url).replaceFirst("$1***@");
        return SECRET_PARAM.matcher(masked).replaceAll("$1***");
    }
}
