package org.qiluvalley.planner.inquiry;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The shapes of the inquiry endpoints' bodies as the OpenAPI document of {@code /api} shows them. Documentation
 * only: the bodies are read by {@link InquiryParser} and written from {@link InquiryJson}; {@code OpenApiDocumentIT}
 * checks that the members named here are the members those accept and write. Problem details and links are the
 * shared shapes of the document ({@code allocation/AllocationApiSchemas}), referred to by name.
 */
final class InquiryApiSchemas {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM = "#/components/schemas/Problem";
    static final String LINK = "#/components/schemas/Link";

    private InquiryApiSchemas() {
    }

    @Schema(description = "An investor's inquiry about an available site. Texts are trimmed; control characters "
            + "are refused except line breaks in message; unknown or repeated members are a 400.")
    record InquiryRequest(
            @Schema(description = "An available site.", requiredMode = RequiredMode.REQUIRED, maxLength = 64,
                    example = "QOV-LI-001") String parcelId,
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 200,
                    example = "Jinan Beam Works") String company,
            @Schema(description = "An e-mail address or a phone number; planners only ever see it.",
                    requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 200,
                    example = "li.wei@example.cn") String contact,
            @Schema(description = "0 to 2,000 characters (UTF-16 units).", maxLength = 2000,
                    example = "About 2 ha for a fibre-laser plant.") String message) {
    }

    @Schema(description = "The optional body of a closing: a note for the record.")
    record ClosingNote(@Schema(description = "0 to 2,000 characters; line breaks allowed.", maxLength = 2000,
            example = "Called back; site visit on Monday.") String note) {
    }

    @Schema(description = "The answer to a submission: nothing the sender typed is echoed.")
    record InquiryReceipt(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "IQ-5d41402abc4b2a76b971") String id,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "QOV-LI-001") String parcelId,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "open") String state,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String createdAt) {
    }

    @Schema(description = "An inquiry, as planners and the investor who sent it see it.")
    record Inquiry(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "IQ-5d41402abc4b2a76b971") String id,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "QOV-LI-001") String parcelId,
            @Schema(requiredMode = RequiredMode.REQUIRED) String company,
            @Schema(requiredMode = RequiredMode.REQUIRED) String contact,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Possibly empty.") String message,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"open", "closed"}) String state,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String createdAt,
            @Schema(description = "The username of the investor who sent it; null when sent anonymously.",
                    requiredMode = RequiredMode.REQUIRED, types = {"string", "null"}) String submittedBy,
            @Schema(description = "Once closed: the planner.") String closedBy,
            @Schema(description = "Once closed.", format = "date-time") String closedAt,
            @Schema(description = "Once closed, if a note was given.") String closingNote,
            @ArraySchema(arraySchema = @Schema(description = "self (this inquiry) and parcel (its parcel in the "
                    + "OGC API)."), schema = @Schema(ref = LINK)) List<Object> links) {
    }

    @Schema(description = "A page of inquiries, newest first.")
    record InquiryPage(@Schema(requiredMode = RequiredMode.REQUIRED) List<Inquiry> inquiries,
            @Schema(requiredMode = RequiredMode.REQUIRED) int limit,
            @Schema(requiredMode = RequiredMode.REQUIRED) int offset) {
    }
}
