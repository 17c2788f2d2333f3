package cn.xuncha.cli;

import cn.xuncha.cases.store.Database;
import cn.xuncha.config.XunchaConfig;
import cn.xuncha.review.Account;
import cn.xuncha.review.PasswordHasher;
import cn.xuncha.review.Role;
import cn.xuncha.review.UserStore;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code xuncha user add|list}: web accounts in the configured database (works while the service runs, too). */
@Command(name = "user", description = "Manage web app accounts.", subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
public final class UserCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code user add --name N --role reviewer|unit|admin [--unit U] [--password-stdin]}. */
    @Command(name = "add", description = "Add an account; the password is read from stdin (--password-stdin) or asked for twice.")
    static final class Add implements Callable<Integer> {
        @Mixin ConfigOption config;
        @Option(names = "--name", required = true, description = "login name (letters, digits, . _ -)") String name;
        @Option(names = "--role", required = true, description = "reviewer (巡查员), unit (责任单位) or admin (管理员)") String role;
        @Option(names = "--unit", description = "responsible unit, required for --role unit") String unit;
        @Option(names = "--password-stdin", description = "read the password from the first line of stdin") boolean stdin;

        @Override
        public Integer call() throws Exception {
            Role r;
            try {
                r = Role.parse(role);
                Account.validate(name, r, unit);
            } catch (IllegalArgumentException e) {
                System.err.println("xuncha user add: " + e.getMessage());
                return 2;
            }
            char[] password = stdin ? readStdin() : ask();
            if (password == null) return 2;
            XunchaConfig cfg = config.loadOrReport();
            if (cfg == null) return 2;
            try (Database db = Database.open(cfg.storage())) {
                Account a = new UserStore(db.dataSource(), new PasswordHasher(), Clock.systemUTC()).add(name, r, unit, password);
                System.out.printf("added %s (%s%s)%n", a.name(), a.role().label(), a.unit() == null ? "" : ", " + a.unit());
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("xuncha user add: " + e.getMessage());
                return 2;
            } catch (IllegalStateException e) {
                System.err.println("xuncha user add: " + e.getMessage());
                return 1;
            }
        }

        private static char[] readStdin() throws java.io.IOException {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                System.err.println("xuncha user add: no password on stdin");
                return null;
            }
            return line.toCharArray();
        }

        private static char[] ask() {
            Console c = System.console();
            if (c == null) {
                System.err.println("xuncha user add: no terminal to ask for the password; use --password-stdin");
                return null;
            }
            char[] a = c.readPassword("password: ");
            char[] b = c.readPassword("again: ");
            if (a == null || !java.util.Arrays.equals(a, b)) {
                System.err.println("xuncha user add: passwords differ");
                return null;
            }
            return a;
        }
    }

    /** {@code user list}: name, role, unit — never password material. */
    @Command(name = "list", description = "List accounts.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin ConfigOption config;

        @Override
        public Integer call() throws Exception {
            XunchaConfig cfg = config.loadOrReport();
            if (cfg == null) return 2;
            try (Database db = Database.open(cfg.storage())) {
                for (Account a : new UserStore(db.dataSource(), new PasswordHasher(), Clock.systemUTC()).list()) {
                    System.out.printf("%-20s %-8s %-10s %s%n", a.name(), a.role().name().toLowerCase(), a.role().label(),
                            a.unit() == null ? "" : a.unit());
                }
                return 0;
            } catch (IllegalStateException e) {
                System.err.println("xuncha user list: " + e.getMessage());
                return 1;
            }
        }
    }
}
