package sempgw.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The allowed dependency directions between the modules (GATEWAY.md §7, STYLE.md §3),
 * checked on the compiled classes of every module on the gateway's class path. Modules map to
 * package roots: semp-core {@code sempgw.core}, policy {@code sempgw.policy}, mailbox-agent
 * {@code sempgw.agent}, store {@code sempgw.store}, smtp-ingress
 * {@code sempgw.smtp.ingress}, smtp-egress {@code sempgw.smtp.egress}, semp-ingress
 * {@code sempgw.semp.ingress}, semp-egress {@code sempgw.semp.egress}, gateway {@code sempgw.app}.
 */
@AnalyzeClasses(packages = "sempgw", importOptions = ImportOption.DoNotIncludeTests.class)
final class ModuleDependenciesTest {

    @ArchTest
    static final ArchRule everyClass_livesInAKnownModuleRoot = classes().that().resideInAPackage("sempgw..")
            .should().resideInAnyPackage("sempgw.core..", "sempgw.policy..", "sempgw.agent..", "sempgw.store..", "sempgw.smtp.ingress..",
                    "sempgw.smtp.egress..", "sempgw.semp.ingress..", "sempgw.semp.egress..", "sempgw.app..")
            .because("a new package must be mapped to its module here before the rules below can guard it");

    @ArchTest
    static final ArchRule sempCore_dependsOnNothingOfOurs = noClasses().that().resideInAPackage("sempgw.core..")
            .should().dependOnClassesThat().resideInAnyPackage("sempgw.policy..", "sempgw.agent..", "sempgw.store..", "sempgw.smtp..",
                    "sempgw.semp..", "sempgw.app..")
            .allowEmptyShould(true)
            .because("semp-core is the protocol as pure code; everything depends on it, it on nothing of ours");

    @ArchTest
    static final ArchRule policy_dependsOnlyOnSempCore = noClasses().that().resideInAPackage("sempgw.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("sempgw.agent..", "sempgw.store..", "sempgw.smtp..", "sempgw.semp..", "sempgw.app..")
            .because("routing and consent decisions are pure: they read what discovery concluded, they never ask");

    @ArchTest
    static final ArchRule mailboxAgent_dependsOnlyOnSempCore = noClasses().that().resideInAPackage("sempgw.agent..")
            .should().dependOnClassesThat().resideInAnyPackage("sempgw.policy..", "sempgw.store..", "sempgw.smtp..", "sempgw.semp..", "sempgw.app..")
            .because("MIME <-> SEMP conversion is pure: no network, no queue, no files");

    @ArchTest
    static final ArchRule store_dependsOnlyOnSempCore = noClasses().that().resideInAPackage("sempgw.store..")
            .should().dependOnClassesThat().resideInAnyPackage("sempgw.smtp..", "sempgw.semp..", "sempgw.app..")
            .because("the queue is where the stages meet; it knows none of them");

    @ArchTest
    static final ArchRule smtpIngress_neverDependsOnSmtpEgress = noClasses().that().resideInAPackage("sempgw.smtp.ingress..")
            .should().dependOnClassesThat().resideInAPackage("sempgw.smtp.egress..")
            .because("ingress and egress meet only at the queue, as Postfix's smtpd and smtp do");

    @ArchTest
    static final ArchRule smtpEgress_neverDependsOnSmtpIngress = noClasses().that().resideInAPackage("sempgw.smtp.egress..")
            .should().dependOnClassesThat().resideInAPackage("sempgw.smtp.ingress..")
            .because("ingress and egress meet only at the queue, as Postfix's smtpd and smtp do");

    @ArchTest
    static final ArchRule smtpModules_neverDependOnSempModules = noClasses().that().resideInAPackage("sempgw.smtp..")
            .should().dependOnClassesThat().resideInAPackage("sempgw.semp..")
            .because("SMTP and SEMP stages meet only at the queue; the gateway converts between them");

    @ArchTest
    static final ArchRule sempIngress_dependsOnlyOnSempCoreAndStore = noClasses().that().resideInAPackage("sempgw.semp.ingress..")
            .should().dependOnClassesThat().resideInAnyPackage("sempgw.semp.egress..", "sempgw.smtp..", "sempgw.app..")
            .because("the SEMP server meets the sender side only at the queue, as Postfix's smtpd and smtp do");

    @ArchTest
    static final ArchRule sempEgress_dependsOnlyOnSempCoreAndStore = noClasses().that().resideInAPackage("sempgw.semp.egress..")
            .should().dependOnClassesThat().resideInAnyPackage("sempgw.semp.ingress..", "sempgw.smtp..", "sempgw.app..")
            .because("the SEMP sender meets the server side only at the queue, as Postfix's smtp and smtpd do");

    @ArchTest
    static final ArchRule onlyTheGateway_knowsTheGateway = noClasses().that().resideOutsideOfPackage("sempgw.app..")
            .should().dependOnClassesThat().resideInAPackage("sempgw.app..")
            .because("only the gateway module knows every module and wires them by hand");
}
