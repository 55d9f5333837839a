package org.qiluvalley.planner.rules;

import java.util.Locale;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.parcel.Parcel;

/** What a rule is given: the candidate, the park around it, and the rule book. */
public record Check(Candidate candidate, SiteContext site, ZoningRuleBook book) {

    /** The rule book entry of the candidate's zone, if the zone is in the rule book. */
    public Optional<ZoneRules> zoneRules() {
        return book.zone(candidate.zone());
    }

    /** The existing parcel the candidate is for, if any. */
    public Optional<Parcel> existingParcel() {
        return candidate.parcelId() == null ? Optional.empty() : site.parcel(candidate.parcelId());
    }

    /** The candidate's envelope grown by {@code metres} on every side, for index look-ups. */
    public Envelope envelopeGrownBy(double metres) {
        Envelope envelope = new Envelope(candidate.planar().getEnvelopeInternal());
        envelope.expandBy(metres);
        return envelope;
    }

    public ZoningRuleBook.Checks checks() {
        return book.checks();
    }

    /** The human title of a rule book source key. */
    public String source(String key) {
        return key == null ? "" : book.sourceTitle(key);
    }

    /** A number for a message: at most two decimals, no trailing zeros. */
    static String format(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
