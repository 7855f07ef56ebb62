package dev.mlledger.bootstrap;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hexagon's direction, checked on the compiled classes of every module. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    private static final String DOMAIN = "dev.mlledger.domain..";
    private static final String APPLICATION = "dev.mlledger.application..";
    private static final String PERSISTENCE = "dev.mlledger.adapters.persistence..";
    private static final String WEB = "dev.mlledger.adapters.web..";
    private static final String[] FRAMEWORKS = {"io.micronaut..", "jakarta..", "javax..", "com.fasterxml..",
            "org.springframework.."};

    private JavaClasses mlledger;

    @BeforeAll
    void importClasses() {
        mlledger = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.mlledger");
    }

    @Test
    void every_module_is_on_the_class_path_of_this_check() {
        for (String module : new String[]{"domain", "application", "adapters.persistence", "adapters.web", "bootstrap"}) {
            String prefix = "dev.mlledger." + module + ".";
            assertTrue(mlledger.stream().anyMatch(type -> type.getPackageName().startsWith(prefix)),
                    "no class of " + module + " was imported, so the rules below would prove nothing about it");
        }
    }

    @Test
    void the_domain_and_the_application_import_no_framework() {
        noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .check(mlledger);
    }

    @Test
    void the_domain_depends_on_nothing_else_of_mlledger() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, PERSISTENCE, WEB, "dev.mlledger.bootstrap..")
                .check(mlledger);
    }

    @Test
    void the_application_depends_on_the_domain_only() {
        noClasses().that().resideInAPackage(APPLICATION)
                .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, WEB, "dev.mlledger.bootstrap..")
                .check(mlledger);
    }

    @Test
    void no_adapter_depends_on_another_adapter() {
        ArchRule persistenceKeepsToItself = noClasses().that().resideInAPackage(PERSISTENCE)
                .should().dependOnClassesThat().resideInAPackage(WEB);
        ArchRule webKeepsToItself = noClasses().that().resideInAPackage(WEB)
                .should().dependOnClassesThat().resideInAPackage(PERSISTENCE);
        persistenceKeepsToItself.check(mlledger);
        webKeepsToItself.check(mlledger);
    }

    @Test
    void the_web_adapter_and_the_application_cannot_tell_which_persistence_adapter_is_active() {
        noClasses().that().resideInAnyPackage(WEB, APPLICATION)
                .should().dependOnClassesThat()
                .resideInAnyPackage(PERSISTENCE, "io.micronaut.data..", "io.micronaut.transaction..", "java.sql..",
                        "javax.sql..", "org.flywaydb..", "com.zaxxer..", "org.postgresql..")
                .check(mlledger);
    }

    @Test
    void controllers_never_reach_persistence_classes() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat()
                .resideInAnyPackage(PERSISTENCE, "io.micronaut.data..", "java.sql..", "javax.sql..", "org.flywaydb..")
                .allowEmptyShould(false)
                .check(mlledger);
    }

    /**
     * Statements are methods of Micronaut Data repositories. Plain JDBC only where docs/adapters.md says why
     * none can do: creating the embedded database before any pool exists, running the undo scripts, and the run
     * search, whose WHERE and ORDER BY follow the client's filter.
     */
    @Test
    void plain_jdbc_statements_are_only_in_the_classes_docs_adapters_md_lists() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.mlledger.bootstrap.database.EmbeddedPostgresServer")
                .and().doNotHaveFullyQualifiedName("dev.mlledger.bootstrap.cli.DatabaseCli")
                .and().doNotHaveFullyQualifiedName("dev.mlledger.adapters.persistence.experiment.JdbcRunSearch")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.PreparedStatement")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.ResultSet")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Statement")
                .check(mlledger);
    }

    @Test
    void repositories_and_their_row_types_are_not_seen_outside_their_package_of_the_persistence_adapter() {
        classes().that().areAnnotatedWith(MappedEntity.class).or().areAnnotatedWith(JdbcRepository.class)
                .should().resideInAPackage(PERSISTENCE).andShould().notBePublic()
                .allowEmptyShould(false)
                .check(mlledger);
    }

    @Test
    void the_web_adapters_packages_depend_on_each_other_without_cycles() {
        // requestlog shows predictions (PredictionView); prediction reads the request's origin from request
        slices().matching("dev.mlledger.adapters.web.(*)..").should().beFreeOfCycles().check(mlledger);
    }

    @Test
    void the_domain_and_the_application_know_nothing_of_http() {
        // a status code written as an int literal is invisible to ArchUnit; the types that speak HTTP are not
        noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..", "java.net.http..",
                        "jakarta.ws.rs..", "jakarta.servlet..")
                .check(mlledger);
    }
}
