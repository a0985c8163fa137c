package dev.treaty.model;

/** A party to an agreement: the short name terms use ({@code OpenAI}) and its full name. */
public record Party(String shortName, String fullName) {

    @Override
    public String toString() {
        return fullName.isEmpty() || fullName.equals(shortName) ? shortName : shortName + " (" + fullName + ")";
    }
}
