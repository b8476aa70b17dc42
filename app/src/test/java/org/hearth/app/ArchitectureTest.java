package org.hearth.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.Socket;

/**
 * The module rules of docs ARCHITECTURE.md, checked on the production classes of every module
 * (app's test class path holds them all). Dependency direction: {@code app -> ui -> (assistant, ingest)},
 * {@code app -> assistant, ingest}; assistant and ingest do not know each other and share only the leaf
 * {@code domain}.
 *
 * <p>Rules allow an empty "should" because modules may still be empty; each rule was checked to fire
 * by adding a violating class temporarily.
 */
@AnalyzeClasses(
        packages = "org.hearth",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestFixtures.class})
class ArchitectureTest {

    private static final String APP = "org.hearth.app..";
    private static final String UI = "org.hearth.ui..";
    private static final String ASSISTANT = "org.hearth.assistant..";
    private static final String INGEST = "org.hearth.ingest..";
    private static final String DOMAIN = "org.hearth.domain..";
    private static final String LLAMA_BINDING = "org.hearth.assistant.llama..";
    private static final String FFM = "java.lang.foreign..";
    private static final String TASKS = "org.hearth.assistant.task..";
    private static final String LOCAL_ENGINE = "org.hearth.assistant.engine.local..";

    /** src-test-fixtures is test-scoped support code, not part of the app. */
    static final class DoNotIncludeTestFixtures implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/org/hearth/fixtures/");
        }
    }

    @ArchTest
    static final ArchRule assistant_does_not_know_ingest = noClasses()
            .that().resideInAPackage(ASSISTANT)
            .should().dependOnClassesThat().resideInAPackage(INGEST)
            .because("assistant and ingest do not know each other; join them in app or through an interface")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule ingest_does_not_know_assistant = noClasses()
            .that().resideInAPackage(INGEST)
            .should().dependOnClassesThat().resideInAPackage(ASSISTANT)
            .because("assistant and ingest do not know each other; join them in app or through an interface")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule domain_is_a_leaf = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideOutsideOfPackages(DOMAIN, "java..")
            .because("domain is the vocabulary assistant and ingest share: it knows nothing of Hearth outside itself "
                    + "and needs no library (docs/decisions/0006-shared-domain-types.md)");

    @ArchTest
    static final ArchRule ui_does_not_know_app = noClasses()
            .that().resideInAPackage(UI)
            .should().dependOnClassesThat().resideInAPackage(APP)
            .because("app is the composition root: it knows the ui, not the other way round")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule core_modules_do_not_know_ui_or_app = noClasses()
            .that().resideInAnyPackage(ASSISTANT, INGEST)
            .should().dependOnClassesThat().resideInAnyPackage(UI, APP)
            .because("assistant and ingest are used by ui and app, never the other way round")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule tasks_know_only_the_engine_seam = noClasses()
            .that().resideInAPackage(TASKS)
            .should().dependOnClassesThat().resideInAnyPackage(LLAMA_BINDING, LOCAL_ENGINE)
            .because("a task runs over the Engine interface, so the same task runs on the local model or a remote server")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule only_the_llama_binding_uses_ffm = noClasses()
            .that().resideOutsideOfPackage(LLAMA_BINDING)
            .should().dependOnClassesThat().resideInAPackage(FFM)
            .because("the llama binding owns every native pointer; nothing else touches MemorySegment")
            .allowEmptyShould(true);

    /**
     * The ui may hold a file's name ({@code Path}, or the {@code java.io.File} JavaFX's drag and drop
     * and file chooser hand out) to pass it to a service, but never opens, reads or writes one.
     */
    @ArchTest
    static final ArchRule ui_does_no_file_io_networking_or_native_calls = noClasses()
            .that().resideInAPackage(UI)
            .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().resideInAPackage("java.nio.channels..")
            .orShould().dependOnClassesThat().areAssignableTo(java.io.FileInputStream.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.io.FileOutputStream.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.io.FileReader.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.io.FileWriter.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.io.RandomAccessFile.class)
            .orShould().dependOnClassesThat().areAssignableTo(Socket.class)
            .orShould().dependOnClassesThat().resideInAPackage("java.net.http..")
            .orShould().dependOnClassesThat().resideInAPackage(FFM)
            .orShould().dependOnClassesThat().resideInAPackage(LLAMA_BINDING)
            .because("the ui reaches files, the network and native code only through service interfaces")
            .allowEmptyShould(true);

    /**
     * The tasks that read mail and documents (triage, summaries, answers) have no tools: whatever a mail or a
     * document says, the model's answer is only data, and no code on that path can open a connection, write a file
     * or start a process.
     */
    @ArchTest
    static final ArchRule tasks_that_read_untrusted_text_cannot_act = noClasses()
            .that().resideInAPackage("org.hearth.assistant.task..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net..", "javax.net..", "java.nio.channels..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().areAssignableTo(ProcessBuilder.class)
            .orShould().dependOnClassesThat().areAssignableTo(Runtime.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.io.FileOutputStream.class)
            .orShould().dependOnClassesThat().resideInAPackage("org.hearth.assistant.model..")
            .because("prompt injection can at most change the label of its own mail, never cause a side effect");

    /**
     * hearth.db has one owner (docs/decisions/0007): only it opens connections, so every feature gets WAL,
     * synchronous=FULL, IMMEDIATE transactions and its own versioned migrations.
     */
    @ArchTest
    static final ArchRule only_the_state_owner_opens_the_database = noClasses()
            .that().resideOutsideOfPackage("org.hearth.app.state..")
            .should().dependOnClassesThat().resideInAPackage("org.sqlite..")
            .orShould().dependOnClassesThat().areAssignableTo(java.sql.DriverManager.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.sql.Connection.class)
            .because("a store gets its connection from LocalState, which registered its tables first");
}
