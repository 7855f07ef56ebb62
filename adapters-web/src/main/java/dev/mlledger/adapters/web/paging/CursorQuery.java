package dev.mlledger.adapters.web.paging;

/**
 * What a paged list was asked for, as the text a cursor is bound to. Absent filters are left out and present
 * ones are length-prefixed, so no two different queries (not "no owner" and owner "null", nor values that
 * contain separators) share a text.
 */
public final class CursorQuery {

    private final StringBuilder text;

    private CursorQuery(String list) {
        this.text = new StringBuilder(list);
    }

    public static CursorQuery of(String list) {
        return new CursorQuery(list);
    }

    public CursorQuery with(String name, Object value) {
        if (value != null) {
            String shown = value.toString();
            text.append('|').append(name).append('=').append(shown.length()).append(':').append(shown);
        }
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
