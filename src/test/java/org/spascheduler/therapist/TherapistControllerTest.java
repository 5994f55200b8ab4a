package org.spascheduler.therapist;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spascheduler.web.PageJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WithMockUser(roles = "MANAGER") // the slice has no filter chain; Caller.current() reads this
@WebMvcTest(controllers = TherapistController.class)
class TherapistControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private TherapistService service;

    @Test
    void filtersBySkill() throws Exception {
        when(service.list(any(), any())).thenReturn(new PageJson<>(List.of(), 0, 50, 0, 0));

        mvc.perform(get("/api/therapists").param("skill", "hot stone")).andExpect(status().isOk());

        verify(service).list(eq("hot stone"), any());
    }

    @Test
    void aShiftWithoutEndIs400NamingIt() throws Exception {
        mvc.perform(post("/api/therapists").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"Anna","changeoverMinutes":10,"maxHandsOnMinutesPerDay":360,
                         "maxHighLoadSessionsPerDay":4,"shifts":[{"startsAt":"2031-03-03T09:00"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("shifts[0].endsAt"));

        verifyNoInteractions(service);
    }
}
