/** Names "answers_export" in a comment: allowed. */
class Spelled {
    // "employees" in a line comment: allowed
    String collection = "employees";
    String topic = "peakon.answers_export";
    String other = "employees_count";
    String escaped = "say \"hi\"";
    String file = "employees.csv is missing";
    String deadLetters = "answers_export.DLT";
    String option = "employees"; // not a collection name
}
