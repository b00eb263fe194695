package dev.strata.cli.project;

import dev.strata.events.schema.Schema;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a project's declared schema comes from: a models file ({@code schema/models.yaml} or
 * {@code schema/models.sql}), or the application's own SQLAlchemy metadata. JPA entities reach Strata
 * as a models.sql that the Maven plugin renders with Hibernate.
 *
 * <pre>Schema declared = config.models().read();</pre>
 */
public sealed interface ModelsSource permits ModelsFile, SqlAlchemyModels {

    /** How messages and reports name the models, e.g. {@code schema/models.yaml} or {@code sqlalchemy app.models:Base}. */
    String shown();

    /** The value of {@code --models} that names these models in a copy of the project laid out alike. */
    String flag();

    /** The files and folders whose content decides the models: what a copy of the project at a tag needs. */
    List<Path> sources();

    /** Whether the project declares models: a file that exists or was named, or code that was named. */
    boolean declared();

    /**
     * The declared schema.
     *
     * @throws InvalidInputException naming the file or module and the fix, for models that cannot be read
     */
    Schema read();
}
