package org.spascheduler.roster;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spascheduler.schedule.solver.SolverProperties;
import org.spascheduler.web.ConflictException;
import org.spascheduler.web.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WithMockUser(roles = "MANAGER") // the slice has no filter chain; Caller.current() reads this
@WebMvcTest(controllers = { RosterController.class, RosterWeekController.class }, properties = {
        "spa.solver.termination.spent-limit=PT7S", "spa.solver.termination.unimproved-spent-limit=PT4S" })
@Import(RosterControllerTest.SolverPropertiesConfig.class)
@ActiveProfiles("test")
class RosterControllerTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @TestConfiguration
    @EnableConfigurationProperties(SolverProperties.class)
    static class SolverPropertiesConfig {
    }

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private RosterJobService jobs;

    @MockitoBean
    private RosterWeekService weeks;

    @Test
    void startsAJobWith202AndItsLocationUsingTheConfiguredLimits() throws Exception {
        when(jobs.start(any(), any(), any())).thenReturn(job(7L));

        mvc.perform(post("/api/rosters").contentType(MediaType.APPLICATION_JSON)
                .content("{\"weekStart\":\"2026-11-30\"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/rosters/7"))
                .andExpect(jsonPath("$.status").value("SOLVING"))
                .andExpect(jsonPath("$.roster").value("/api/weeks/2026-11-30/roster"));
        verify(jobs).start(MONDAY, Duration.ofSeconds(7), Duration.ofSeconds(4));
    }

    @Test
    void aSecondJobForTheSameWeekIs409PointingAtTheRunningOne() throws Exception {
        when(jobs.start(any(), any(), any())).thenThrow(new ConflictException("weekStart", "already solving", "/api/rosters/3"));

        mvc.perform(post("/api/rosters").contentType(MediaType.APPLICATION_JSON)
                .content("{\"weekStart\":\"2026-11-30\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Location", "/api/rosters/3"))
                .andExpect(jsonPath("$.location").value("/api/rosters/3"));
    }

    @Test
    void aFullQueueIs429WithRetryAfterInTheRateLimitsShape() throws Exception {
        when(jobs.start(any(), any(), any())).thenThrow(new RosterQueueFullException(2, 8, Duration.ofMillis(11_200)));

        mvc.perform(post("/api/rosters").contentType(MediaType.APPLICATION_JSON)
                .content("{\"weekStart\":\"2026-11-30\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "12"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Too many requests"))
                .andExpect(jsonPath("$.field").value("request"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.containsString("queue is full")));
    }

    @Test
    void aQueuedJobShowsItsPlaceAndThatItHasNotRun() throws Exception {
        var queued = RosterJob.queued(MONDAY, 356, 0, 7000, 4000, Instant.now());
        queued = new RosterJob(12L, MONDAY, queued.status(), null, null, null, null, 356, 0, 356, 7000, 4000,
                queued.queuedAt(), null, null, null, MONDAY, 0);
        when(jobs.status(12L)).thenReturn(queued);
        when(jobs.placeInQueue(queued)).thenReturn(2);

        mvc.perform(get("/api/rosters/12")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("QUEUED"))
                .andExpect(jsonPath("$.placeInQueue").value(2))
                .andExpect(jsonPath("$.solving").value(false))
                .andExpect(jsonPath("$.ran").value(false))
                .andExpect(jsonPath("$.spentMillis").value(0))
                .andExpect(jsonPath("$.startedAt").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"weekStart\":\"2026-12-01\"}", "{\"weekStart\":\"not a date\"}", "{}",
            "{\"weekStart\":\"2026-11-30\",\"spentLimit\":\"PT2H\"}",
            "{\"weekStart\":\"2026-11-30\",\"spentLimit\":\"soon\"}",
            "{\"weekStart\":\"2026-11-30\",\"unimprovedSpentLimit\":\"PT0S\"}", "[]", "not json" })
    void badRequestsAre400NamingTheFieldAndStartNothing(String body) throws Exception {
        mvc.perform(post("/api/rosters").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").isNotEmpty());
        verifyNoInteractions(jobs);
    }

    @Test
    void anUnknownJobIs404() throws Exception {
        when(jobs.status(42L)).thenThrow(new NotFoundException("roster job", "id", 42L));

        mvc.perform(get("/api/rosters/42")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("id"));
        mvc.perform(get("/api/rosters/forty-two")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("id"));
    }

    @Test
    void aLockHeldTooLongElsewhereIs409AndNot500() throws Exception {
        when(jobs.status(5L)).thenThrow(new org.springframework.dao.PessimisticLockingFailureException("lock timeout"));

        mvc.perform(get("/api/rosters/5")).andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("request"));
    }

    @Test
    void stoppingAnswersWithTheJob() throws Exception {
        when(jobs.stop(7L)).thenReturn(job(7L));

        mvc.perform(delete("/api/rosters/7")).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value(7));
    }

    @Test
    void weekViewsRefuseADayThatIsNotAMondayAndAnUnknownGrouping() throws Exception {
        mvc.perform(get("/api/weeks/2026-12-01/roster")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("weekStart"));
        mvc.perform(get("/api/weeks/2026-11-30/roster").param("by", "colour")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("by"));
        mvc.perform(post("/api/weeks/someday/publish")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("weekStart"));
        verifyNoInteractions(weeks);
    }

    @Test
    void groupingIsCaseInsensitive() throws Exception {
        mvc.perform(get("/api/weeks/2026-11-30/roster").param("by", "room")).andExpect(status().isOk());
        verify(weeks).roster(eq(MONDAY), eq(RosterWeekService.Grouping.ROOM));
    }

    private static RosterJob job(long id) {
        return new RosterJob(id, MONDAY, RosterJobStatus.SOLVING, null, null, null, null, 356, 0, 356, 7000, 4000,
                Instant.now(), Instant.now(), null, null, MONDAY, 0);
    }
}
