package dev.strata.events.sqlite;

/**
 * SQLite's native library, loaded on a thread of its own while a command reads its files: unpacking and loading it
 * is a tenth of a short check's wall time, and the first database would otherwise wait for it.
 */
public final class SqliteLibrary {

    private SqliteLibrary() {
    }

    public static void loadSoon() {
        Thread t = new Thread(() -> {
            try {
                Class.forName("org.sqlite.JDBC");
                org.sqlite.SQLiteJDBCLoader.initialize();
            } catch (Exception | LinkageError e) {
                // the first connection loads it again and reports what is wrong
            }
        }, "strata-sqlite-load");
        t.setDaemon(true);
        t.start();
    }
}
