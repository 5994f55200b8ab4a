package org.spascheduler.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import jakarta.servlet.ReadListener;

class CachedBodyRequestTest {

    private static final byte[] BODY = "{\"name\":\"Anna\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theBodyAFilterReadIsReadAgainWhole() throws Exception {
        var request = new CachedBodyRequest(new MockHttpServletRequest(), BODY);

        assertThat(request.getInputStream().readAllBytes()).isEqualTo(BODY);
        assertThat(request.getInputStream().readAllBytes()).as("each stream from the start").isEqualTo(BODY);
        assertThat(request.getContentLengthLong()).isEqualTo(BODY.length);
    }

    @Test
    void aNonBlockingReaderIsToldTheBodyIsThereThenThatItHasAll() throws Exception {
        var stream = new CachedBodyRequest(new MockHttpServletRequest(), BODY).getInputStream();
        var calls = new ArrayList<String>();
        var read = new byte[BODY.length];

        stream.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws java.io.IOException {
                calls.add("data " + stream.read(read, 0, read.length));
            }

            @Override
            public void onAllDataRead() {
                calls.add("all " + stream.isFinished());
            }

            @Override
            public void onError(Throwable failure) {
                calls.add("error " + failure);
            }
        });

        assertThat(calls).containsExactly("data " + BODY.length, "all true");
        assertThat(read).isEqualTo(BODY);
    }
}
