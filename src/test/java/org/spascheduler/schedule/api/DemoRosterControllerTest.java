package org.spascheduler.schedule.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spascheduler.schedule.demo.DemoSize;
import org.spascheduler.schedule.solver.SolverProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = DemoRosterController.class, properties = {
        "spa.solver.termination.spent-limit=PT7S",
        "spa.solver.termination.unimproved-spent-limit=PT4S" })
@Import(DemoRosterControllerTest.SolverPropertiesConfig.class)
@ActiveProfiles("test")
class DemoRosterControllerTest {

    @TestConfiguration
    @EnableConfigurationProperties(SolverProperties.class)
    static class SolverPropertiesConfig {
    }

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private DemoRosterService service;

    @MockitoBean
    private DemoSolveRunRepository runs;

    @Test
    void solvesWithTheRequestedSizeAndLimits() throws Exception {
        when(service.solve(any(), any(), any())).thenReturn(roster());

        mvc.perform(post("/api/demo/solve")
                        .param("size", "MEDIUM")
                        .param("spentLimit", "PT45S")
                        .param("unimprovedSpentLimit", "PT12S"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.spa").value("Test Spa"))
                .andExpect(jsonPath("$.weekStart").value("2026-03-02"))
                .andExpect(jsonPath("$.score.score").value("0hard/0medium/-5soft"))
                .andExpect(jsonPath("$.score.hard").value(0))
                .andExpect(jsonPath("$.score.feasible").value(true))
                .andExpect(jsonPath("$.sessions").value(1))
                .andExpect(jsonPath("$.roster[0].therapist").value("Ana"))
                .andExpect(jsonPath("$.roster[0].start").value("2026-03-02T09:00:00"));

        verify(service).solve(DemoSize.MEDIUM, Duration.ofSeconds(45), Duration.ofSeconds(12));
    }

    @Test
    void omittedLimitsFallBackToSolverProperties() throws Exception {
        when(service.solve(any(), any(), any())).thenReturn(roster());

        mvc.perform(post("/api/demo/solve").param("size", "SMALL"))
                .andExpect(status().isOk());

        verify(service).solve(DemoSize.SMALL, Duration.ofSeconds(7), Duration.ofSeconds(4));
    }

    @Test
    void oneOmittedLimitFallsBackWhileTheOtherIsKept() throws Exception {
        when(service.solve(any(), any(), any())).thenReturn(roster());

        mvc.perform(post("/api/demo/solve").param("size", "LARGE").param("unimprovedSpentLimit", "PT1S"))
                .andExpect(status().isOk());

        verify(service).solve(DemoSize.LARGE, Duration.ofSeconds(7), Duration.ofSeconds(1));
    }

    @Test
    void tenMinutesIsStillAccepted() throws Exception {
        when(service.solve(any(), any(), any())).thenReturn(roster());

        mvc.perform(post("/api/demo/solve").param("size", "SMALL").param("spentLimit", "PT10M"))
                .andExpect(status().isOk());

        verify(service).solve(DemoSize.SMALL, Duration.ofMinutes(10), Duration.ofSeconds(4));
    }

    @ParameterizedTest(name = "{0}={1} -> 400 naming {0}")
    @CsvSource({
            "size, HUGE",
            "spentLimit, PT0S",
            "spentLimit, PT-5S",
            "spentLimit, PT10M1S",
            "spentLimit, PT1H",
            "spentLimit, abc",
            "unimprovedSpentLimit, PT0S",
            "unimprovedSpentLimit, -PT3S",
            "unimprovedSpentLimit, PT11M",
            "unimprovedSpentLimit, soon" })
    void badParameterIsA400ProblemNamingTheField(String field, String value) throws Exception {
        var request = post("/api/demo/solve").param(field, value);
        if (!field.equals("size")) {
            request.param("size", "SMALL");
        }

        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").isNotEmpty());

        verifyNoInteractions(service);
    }

    @Test
    void unknownSizeListsTheKnownOnes() throws Exception {
        mvc.perform(post("/api/demo/solve").param("size", "HUGE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("size"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("SMALL")));
    }

    @Test
    void missingSizeIsA400ProblemNamingTheField() throws Exception {
        mvc.perform(post("/api/demo/solve").param("spentLimit", "PT5S"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.field").value("size"));

        verifyNoInteractions(service);
    }

    @Test
    void unexpectedFailureIsA500ProblemWithoutStackTrace() throws Exception {
        when(service.solve(any(), any(), any()))
                .thenThrow(new IllegalStateException("secret internals", new NullPointerException("deep cause")));

        var body = mvc.perform(post("/api/demo/solve").param("size", "SMALL"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(500))
                .andExpect(jsonPath("$.title").value("Internal error"))
                .andReturn().getResponse().getContentAsString();

        assertThat(body)
                .doesNotContain("at org.")
                .doesNotContain("Exception")
                .doesNotContain("secret internals")
                .doesNotContain("deep cause")
                .doesNotContain("trace");
    }

    @Test
    void latestRunsComeFromTheRepository() throws Exception {
        when(runs.findTop20ByOrderByStartedAtDesc()).thenReturn(List.of(
                new DemoSolveRun(2L, "SMALL", "0hard/0medium/-5soft", 60, 60, 0, 1234,
                        Instant.parse("2026-03-01T10:15:30Z"))));

        mvc.perform(get("/api/demo/runs"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(2))
                .andExpect(jsonPath("$[0].size").value("SMALL"))
                .andExpect(jsonPath("$[0].scheduled").value(60))
                .andExpect(jsonPath("$[0].startedAt").value("2026-03-01T10:15:30Z"));
    }

    private static RosterView roster() {
        var start = LocalDateTime.of(2026, 3, 2, 9, 0);
        return new RosterView("Test Spa", LocalDate.of(2026, 3, 2),
                new ScoreView("0hard/0medium/-5soft", 0, 0, -5, true), 1, 1, 0, 42,
                List.of(new ScheduledSessionView("A1", "Client 1", "Massage", 60, "Ana", "Room 1", start,
                        start.plusMinutes(60), "NEW", null)),
                List.of(), List.of(new ConstraintSummaryView("Gap", "soft", "0hard/0medium/-5soft", 1,
                        List.of("a gap"))));
    }
}
