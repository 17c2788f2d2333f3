package cn.xuncha.config.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spots passwords written into a URL in clear text rather than as ${ENV} references. */
final class ClearTextCredentials {
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");
    private static final Pattern PASSWORD_IN_USERINFO = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@:]*:([^/@]*)@");
    private static final Pattern SECRET_PARAM = Pattern.compile("(?i)[?&](?:password|passwd|pwd|pass|token|auth)=([^&]*)");

    private ClearTextCredentials() {}

    static boolean in(String url) {
        Matcher m = PASSWORD_IN_USERINFO.matcher(url);
        if (m.find() && literal(m.group(1))) return true;
        Matcher q = SECRET_PARAM.matcher(url);
        while (q.find()) if (literal(q.group(1))) return true;
        return false;
    }

    private static boolean literal(String value) {
        return !ENV_REF.matcher(value).replaceAll("").isEmpty();
    }
}
