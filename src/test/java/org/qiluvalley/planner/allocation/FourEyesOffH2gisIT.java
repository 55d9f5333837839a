package org.qiluvalley.planner.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.PlannerApplication;
import org.qiluvalley.planner.testsupport.Planning;
import org.qiluvalley.planner.testsupport.ServiceClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With {@code valley.allocations.four-eyes=false} (a one-person office) the proposer may approve. */
@SpringBootTest(classes = PlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "valley.allocations.four-eyes=false")
class FourEyesOffH2gisIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("valley-four-eyes-off-it").toString();
        registry.add("valley.data-dir", () -> dataDir);
    }

    @Test
    void theProposerMayApproveTheirOwnProposal() {
        ServiceClient anonymous = new ServiceClient("http://localhost:" + port);
        Planning planning = new Planning(anonymous);
        String parcel = planning.takeAvailableParcel();
        String id = planning.propose(parcel, "Solo Office Optics");
        ServiceClient.Reply reply = planning.planner().post("/api/allocations/" + id + "/approve");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().at("/approved/by").stringValue()).isEqualTo(ServiceClient.ADMIN);
        assertThat(planning.parcel(parcel).status()).isEqualTo("allocated");
        // The workspace learns it from /api/me and leaves the proposer's approve button enabled.
        assertThat(planning.planner().get("/api/me").json().get("fourEyes").booleanValue()).isFalse();
    }
}
