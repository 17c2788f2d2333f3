package cn.xuncha.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code users} table. Blocking JDBC: call from a worker, never an event loop. */
public final class UserStore {
    private final DataSource db;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserStore(DataSource db, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Creates an account; a taken name or bad field is an IllegalArgumentException naming it. */
    public Account add(String name, Role role, String unit, char[] password) throws SQLException {
        Account.validate(name, role, unit);
        String hash = hasher.hash(password);
        try (Connection c = db.getConnection()) {
            if (find(c, name).isPresent()) throw new IllegalArgumentException("user '" + name + "' already exists");
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into users (name, role, unit, password_hash, created_at) values (?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.setString(2, role.name());
                ps.setString(3, role == Role.UNIT ? unit.trim() : null);
                ps.setString(4, hash);
                ps.setObject(5, clock.instant().atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new Account(keys.getLong(1), name, role, role == Role.UNIT ? unit.trim() : null);
                }
            }
        }
    }

    /** Sets a new password for an existing user; false when there is no such user. */
    public boolean setPassword(String name, char[] password) throws SQLException {
        String hash = hasher.hash(password);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("update users set password_hash = ? where name = ?")) {
            ps.setString(1, hash);
            ps.setString(2, name);
            return ps.executeUpdate() == 1;
        }
    }

    /** The account if the name exists and the password matches; always spends one KDF run. */
    public Optional<Account> authenticate(String name, char[] password) throws SQLException {
        Optional<Stored> s;
        try (Connection c = db.getConnection()) {
            s = find(c, name);
        }
        boolean ok = hasher.verify(password, s.map(Stored::hash).orElse(null));
        return ok ? s.map(Stored::account) : Optional.empty();
    }

    public Optional<Account> find(String name) throws SQLException {
        try (Connection c = db.getConnection()) {
            return find(c, name).map(Stored::account);
        }
    }

    public List<Account> list() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select id, name, role, unit, password_hash from users order by name");
             ResultSet rs = ps.executeQuery()) {
            List<Account> out = new ArrayList<>();
            while (rs.next()) out.add(read(rs).account());
            return out;
        }
    }

    private record Stored(Account account, String hash) {}

    private static Optional<Stored> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, name, role, unit, password_hash from users where name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Stored read(ResultSet rs) throws SQLException {
        return new Stored(new Account(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4)), rs.getString(5));
    }
}
