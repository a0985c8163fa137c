package dev.treaty.cli;

import dev.treaty.language.SafeText;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/** Everything the command prints passes through here: control and bidi characters from inputs are shown escaped. */
final class SafeWriter extends FilterWriter {

    SafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        if (SafeText.isUnsafe((char) c)) out.write(SafeText.escape(String.valueOf((char) c)));
        else out.write(c);
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        write(new String(buffer, offset, length), 0, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        String part = text.substring(offset, offset + length);
        String safe = SafeText.escape(part);
        out.write(safe, 0, safe.length());
    }
}
