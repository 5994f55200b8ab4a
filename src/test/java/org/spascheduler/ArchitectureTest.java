package org.spascheduler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The layering the packages keep (ARCHITECTURE.md draws it): each rule names what it protects. */
@AnalyzeClasses(packages = "org.spascheduler", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String PLANNING_MODEL = "org.spascheduler.schedule.domain..";
    private static final String SOLVER = "org.spascheduler.schedule.solver..";

    /** No two packages import each other, directly or around a circle: each can be read and changed on its own. */
    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching("org.spascheduler.(**)").should()
            .beFreeOfCycles();

    /**
     * The planning model and its rules know nothing of Spring, the database or the REST layer: the solver works on a
     * week handed to it (the wiring of its beans and settings is the only Spring there).
     */
    @ArchTest
    static final ArchRule planningModelKnowsNoSpringAndNoBooks = noClasses()
            .that().resideInAnyPackage(PLANNING_MODEL, SOLVER)
            .and().areNotAnnotatedWith(Configuration.class)
            .and().areNotAnnotatedWith(ConfigurationProperties.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                    "org.spascheduler.booking..", "org.spascheduler.careplan..", "org.spascheduler.carejourney..",
                    "org.spascheduler.client..", "org.spascheduler.frontdesk..", "org.spascheduler.planning..",
                    "org.spascheduler.room..", "org.spascheduler.roster..", "org.spascheduler.spa..",
                    "org.spascheduler.therapist..", "org.spascheduler.treatment..", "org.spascheduler.web..",
                    "org.spascheduler.week..", "org.spascheduler.weights..");

    /** A REST answer is a DTO record: never a planning class or a Timefold type, whose shape the solver owns. */
    @ArchTest
    static final ArchRule controllersNeverAnswerWithPlanningClasses = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .should(new ArchCondition<JavaMethod>("answer without planning classes or Timefold types") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    for (var type : method.getReturnType().getAllInvolvedRawTypes()) {
                        if (type.getPackageName().startsWith("org.spascheduler.schedule.domain")
                                || type.getPackageName().startsWith("ai.timefold")) {
                            events.add(SimpleConditionEvent.violated(method, "%s answers with %s"
                                    .formatted(method.getFullName(), type.getName())));
                        }
                    }
                }
            });

    /** The client's journey shares the planning gateway with the desk, not the desk's own classes. */
    @ArchTest
    static final ArchRule clientJourneyDoesNotUseTheFrontDesk = noClasses()
            .that().resideInAPackage("org.spascheduler.carejourney..")
            .should().dependOnClassesThat().resideInAPackage("org.spascheduler.frontdesk..");

    /** One call site turns the books into a planning week: PlanningWeeks, used by the manager, desk and clients. */
    @ArchTest
    static final ArchRule oneDoorIntoThePlanningModel = noClasses()
            .that().doNotHaveFullyQualifiedName("org.spascheduler.planning.PlanningWeeks")
            .should().callMethodWhere(DescribedPredicate.describe("WeekMapper.toSchedule",
                    (JavaCall<?> call) -> call.getTargetOwner().getName().equals("org.spascheduler.planning.WeekMapper")
                            && call.getName().equals("toSchedule")));

    /**
     * Timefold's implementation classes (not its public API, so they may change in any release) are used only where
     * the public API has no equivalent, each in one small class that says why.
     */
    private static final Set<String> MAY_USE_TIMEFOLD_INTERNALS = Set.of(
            "org.spascheduler.planning.ScoredWeek", // the live, incrementally scored week for slot options
            "org.spascheduler.schedule.solver.SpaConstraints", // the constraint meta model (names, levels)
            "org.spascheduler.schedule.solver.UnscheduleConflictsPhase", // a custom phase's score director
            "org.spascheduler.schedule.solver.PlacementFilter", // selection filters named in solver XML
            "org.spascheduler.schedule.solver.RoomFreePlacementFilter",
            "org.spascheduler.schedule.solver.TherapistOnShiftFilter",
            "org.spascheduler.schedule.solver.UnscheduledSessionFilter",
            "org.spascheduler.schedule.solver.ReleasedSessionFilter",
            "org.spascheduler.benchmark.FirstFitPhase"); // the first-fit baseline's custom phase

    @ArchTest
    static final ArchRule timefoldInternalsAreFenced = noClasses()
            .that(DescribedPredicate.describe("are not fenced", (JavaClass type) -> !MAY_USE_TIMEFOLD_INTERNALS
                    .contains(type.isNestedClass() ? type.getEnclosingClass().orElseThrow().getName() : type.getName())))
            .should().dependOnClassesThat().resideInAPackage("ai.timefold.solver.core.impl..");
}
