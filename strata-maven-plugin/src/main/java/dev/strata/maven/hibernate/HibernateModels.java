package dev.strata.maven.hibernate;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.tool.schema.spi.DelayedDropRegistryNotAvailableImpl;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The schema of JPA entities as Hibernate's schema management tool writes it as a script for SQLite
 * (the community {@code SQLiteDialect}, with foreign keys inline: {@link InlineForeignKeysSQLiteDialect}):
 * CREATE TABLE and CREATE INDEX statements, each ending with ';'. No database is opened: Hibernate is
 * told not to look for one.
 *
 * <pre>String ddl = HibernateModels.render(List.of(Customer.class, Order.class), loader);</pre>
 */
public final class HibernateModels {

    private HibernateModels() {
    }

    /** The version of Hibernate that renders, e.g. {@code 7.4.15.Final}. */
    public static String version() {
        return org.hibernate.Version.getVersionString();
    }

    /**
     * @param entities the {@code @Entity} classes
     * @param loader   the class loader that loaded them (the application's classpath)
     * @throws IllegalArgumentException with Hibernate's message when the mapping is invalid
     */
    public static String render(List<Class<?>> entities, ClassLoader loader) {
        if (entities.isEmpty()) {
            throw new IllegalArgumentException("no @Entity classes to render");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        // Hibernate's start-up report (version, "database info" of no database) is noise in a build's log
        Logger hibernateLog = Logger.getLogger("org.hibernate");
        Level level = hibernateLog.getLevel();
        hibernateLog.setLevel(Level.WARNING);
        StringWriter script = new StringWriter();
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting(AvailableSettings.DIALECT, InlineForeignKeysSQLiteDialect.class.getName())
                .applySetting(AvailableSettings.ALLOW_METADATA_ON_BOOT, false)
                .applySetting(AvailableSettings.CONNECTION_PROVIDER, new NoDatabase())
                .applySetting(AvailableSettings.HBM2DDL_CREATE_NAMESPACES, false)
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none")
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "create")
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, script)
                .applySetting(AvailableSettings.HBM2DDL_DELIMITER, ";")
                .applySetting(AvailableSettings.FORMAT_SQL, true)
                .applySetting(AvailableSettings.HBM2DDL_HALT_ON_ERROR, true)
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            Map<String, Object> settings = registry.requireService(ConfigurationService.class).getSettings();
            SchemaManagementToolCoordinator.process(metadata, registry, settings, DelayedDropRegistryNotAvailableImpl.INSTANCE);
            return script.toString();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
            thread.setContextClassLoader(previous);
            hibernateLog.setLevel(level);
        }
    }
}
