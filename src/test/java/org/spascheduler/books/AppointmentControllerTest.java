package org.spascheduler.books;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spascheduler.booking.BookingState;
import org.spascheduler.web.ConflictException;
import org.spascheduler.web.PageJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = AppointmentController.class)
class AppointmentControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private AppointmentService service;

    @Test
    void everyFilterReachesTheService() throws Exception {
        when(service.list(any(), any())).thenReturn(new PageJson<>(List.of(), 0, 50, 0, 0));

        mvc.perform(get("/api/appointments").param("week", "2031-03-03").param("therapistId", "anna")
                        .param("roomId", "lotus").param("clientId", "ines").param("state", "CONFIRMED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content").isEmpty());

        verify(service).list(eq(new AppointmentService.Filter(LocalDate.of(2031, 3, 3), "anna", "lotus", "ines",
                BookingState.CONFIRMED)), any());
    }

    @Test
    void noFilterMatchesAll() throws Exception {
        when(service.list(any(), any())).thenReturn(new PageJson<>(List.of(), 0, 50, 0, 0));

        mvc.perform(get("/api/appointments")).andExpect(status().isOk());

        verify(service).list(eq(new AppointmentService.Filter(null, null, null, null, null)), any());
    }

    @ParameterizedTest
    @CsvSource({ "week, 2031-03-04", "week, 03/03/2031", "state, LATER", "therapistId, a b", "roomId, ../x",
            "clientId, ''" })
    void aBadFilterIs400NamingIt(String parameter, String value) throws Exception {
        mvc.perform(get("/api/appointments").param(parameter, value))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value(parameter));

        verifyNoInteractions(service);
    }

    @Test
    void changingHistoryIs409WithTheReason() throws Exception {
        when(service.update(eq("a-1"), any(), any())).thenThrow(new ConflictException("state",
                "Appointment (a-1) is DONE", null));

        mvc.perform(put("/api/appointments/a-1").contentType(MediaType.APPLICATION_JSON).content("""
                        {"clientId":"ines","treatmentId":"massage","durationMinutes":60,"released":false,
                         "windowStart":"2031-03-03T09:00","windowEnd":"2031-03-03T18:00","version":2}"""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Appointment (a-1) is DONE"));
    }
}
