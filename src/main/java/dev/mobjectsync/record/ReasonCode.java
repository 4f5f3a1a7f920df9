package dev.mobjectsync.record;

/** Why a record was refused before it reached Marketo: one code per kind of defect. */
public enum ReasonCode {
    UNPARSABLE_JSON("the text is not valid JSON"),
    NESTING_TOO_DEEP("the JSON nests arrays or objects deeper than 100 levels"),
    DUPLICATE_FIELD("a JSON object names the same field twice"),
    UNPARSABLE_CSV("the CSV row cannot be read"),
    CSV_COLUMN_COUNT("the CSV row has more or fewer cells than the header"),
    INVALID_ENCODING("the bytes are not valid UTF-8"),
    NUL_BYTE("the text holds a NUL byte (binary data, or UTF-16 sent as UTF-8)"),
    EMPTY_FILE("a dropped file holds nothing but white space"),
    EMPTY_MESSAGE("a Kafka or JMS message has no body, or nothing but white space"),
    RECORD_TOO_LARGE("a message or an NDJSON line is larger than mobject-sync.validation.max-message-bytes"),
    NOT_AN_OBJECT("the JSON value is not an object"),
    MISSING_TYPE("type is missing"),
    UNKNOWN_TYPE("type is not Program, Opportunity or OpportunityPersonRole"),
    UNKNOWN_OPERATION("operation is not INSERT, UPDATE or UPSERT"),
    PROGRAM_REQUIRES_UPDATE("a Program can only be synced with operation UPDATE"),
    MISSING_KEY("the operation needs an id or an externalKey to find the object"),
    WRONG_SHAPE("a field has the wrong JSON shape (e.g. an object where a string belongs)"),
    NOT_A_STRING("type, operation, attrType or an association's type is a number or a boolean, not a string"),
    UNKNOWN_COLUMN("a CSV header names a column that matches none of the documented forms"),
    UNKNOWN_FIELD(
            "a record, its externalKey, an association or a typeAttributes entry has a field the format does not know"),
    TOO_MANY_ATTRIBUTES("attributes, typeAttributes or associations hold more than 1000 entries"),
    BAD_ID("an id is not a positive 32-bit integer"),
    BAD_EXTERNAL_KEY("externalKey is not an object with a non-empty name and value"),
    BAD_ASSOCIATION("an association has no type, or neither an id nor an externalKey"),
    UNKNOWN_TYPE_ATTRIBUTE("a typeAttributes entry has an attrType other than Cost or Tag"),
    UNEXPECTED_TYPE_ATTRIBUTES("typeAttributes are only for Program"),
    MISSING_ATTRIBUTE("a required attribute is missing or empty"),
    MISSING_NAME("an Opportunity INSERT has no Name: Marketo refuses to create an opportunity whose name is null"),
    BAD_MONTH("a Cost Month is not yyyy-MM"),
    BAD_AMOUNT("an Amount is not a decimal number"),
    FIELD_TOO_LONG("a value is longer than mobject-sync.validation.max-field-length"),
    UNSUPPORTED_CHARACTER(
            "a value holds a character XML 1.0 cannot carry (NUL or another control character, an unpaired surrogate)");

    private final String meaning;

    ReasonCode(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
