package org.qiluvalley.planner.allocation;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.rules.AllocationValidator;
import org.qiluvalley.planner.rules.Finding;
import org.qiluvalley.planner.rules.FindingsGeoJson;
import org.qiluvalley.planner.rules.StoreSiteContext;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.security.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code POST /api/allocations/validate}: the dry run. Says whether an allocation is valid and, if not, which rule
 * fails, by how much, where and on what authority. Read-only: nothing is stored. Open to the public (the investor
 * map's site check); for them a parcel that is not available gets only the finding that it is not available.
 */
@RestController
class AllocationValidationController {

    private static final JsonFactory JSON = new JsonFactory();

    private final ParcelStore store;
    private final AllocationValidator validator;
    private final ValidationRequestParser parser;

    AllocationValidationController(ParcelStore store, ZoningRuleBook book) {
        this.store = store;
        this.validator = new AllocationValidator(book);
        this.parser = new ValidationRequestParser(store, book);
    }

    @PostMapping(value = "/api/allocations/validate", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> validate(@RequestBody byte[] body, Authentication who) {
        boolean planner = Role.isPlanner(who);
        ValidationRequestParser.Parsed request = parser.parse(body, planner);
        List<Finding> findings;
        if (!planner && request.parcel() != null && request.parcel().status() != ParcelStatus.AVAILABLE) {
            // A reserved or allocated parcel: the public learns that it is not available and nothing more. The
            // other rules would measure it against its own planning conditions (and say which status it has),
            // which are planners' data.
            findings = List.of(AllocationValidator.notAvailable(request.parcel()));
        } else {
            findings = validator.validate(request.candidate(), new StoreSiteContext(store));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + findings.size() * 1024);
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            out.writeStartObject();
            out.writeBooleanProperty("valid", AllocationValidator.isValid(findings));
            out.writeName("findings");
            FindingsGeoJson.write(out, findings, request.crs(), null);
            out.writeEndObject();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(bytes.toByteArray());
    }
}
