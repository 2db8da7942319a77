package org.ratification.ledger.api.readme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps of the README's API tour, read from its {@code bash} blocks: the {@code ```bash}
 * fences between the heading {@code ## API tour} and the next level-two heading. The tour is a
 * script for people to paste, so it keeps to a small subset of bash that this class reads exactly
 * and refuses everything else (the test fails, naming the README line), rather than guessing:
 *
 * <ul>
 *   <li>A command is one line, or several joined by a backslash at the end of a line; a
 *       single-quoted or double-quoted text may also span lines. Blank lines separate nothing.
 *   <li>{@code #} at the start of a word begins a comment, to the end of its line. A comment on the
 *       last line of a command of the form {@code # → 422 CODE} (or {@code # → 404}) says the step
 *       answers that status (and problem {@code code}); every other step must answer 2xx.
 *   <li>Words: unquoted text, {@code '…'} (literal), {@code "…"} (with {@code $NAME}, {@code ${NAME}}
 *       and the escapes {@code \"}, {@code \\}, {@code \$}), or any of these joined without spaces,
 *       such as {@code '{"recordId":"'$ID'"}'}. {@code $NAME} and {@code ${NAME}} are expanded
 *       outside single quotes too; a variable must be {@code PW}, {@code AUDITOR_PW} or set by an
 *       earlier step. Unquoted {@code ; & < * ? [ ] { } ( ` ~} and anything else bash would treat
 *       specially are refused.
 *   <li>A step is either {@code curl OPTIONS URL}, optionally followed by {@code > FILE} (the body
 *       is written to a file of that name), or {@code NAME=$(curl OPTIONS URL | jq -r 'PATH')}, which
 *       sets {@code NAME} to the string at {@code PATH} of the JSON answer. No other command.
 *   <li>curl options, each a word of its own: {@code -s}, {@code -u USER:PASSWORD}, {@code -X METHOD},
 *       {@code -H 'Name: value'}, {@code -d BODY}, {@code --data-binary @FILE} (a file of the
 *       repository, sent as it is). As curl does, {@code -d} without {@code -X} posts,
 *       and {@code -d} without a {@code Content-Type} header sends
 *       {@code application/x-www-form-urlencoded}.
 *   <li>The URL is {@code localhost:8080/…} (or {@code http://localhost:8080/…}): the tour talks to
 *       the service it describes and nothing else.
 *   <li>A jq path is {@code .name}, {@code .[n]} and their sequences ({@code .records[0].recordedAt});
 *       the value must exist and not be null.
 * </ul>
 */
final class ReadmeTour {

    static final String SECTION = "## API tour";

    private static final Pattern EXPECTATION = Pattern.compile("→\\s*(\\d{3})(?:\\s+([A-Z][A-Z0-9_]*))?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern JQ_PATH = Pattern.compile("(\\.[A-Za-z_][A-Za-z0-9_]*|\\.?\\[\\d+])+|\\.");
    private static final Pattern JQ_STEP = Pattern.compile("\\.?([A-Za-z_][A-Za-z0-9_]*)|\\.?\\[(\\d+)]");
    private static final String SPECIAL = ";&<*?[]{}(`~!";

    private ReadmeTour() {}

    /** A README text that the subset does not cover, with the line (1-based) where it starts. */
    static final class UnsupportedScript extends RuntimeException {
        UnsupportedScript(int line, String message) {
            super("README line " + line + ": " + message);
        }
    }

    /** A word: literal text and variable references, joined. */
    record Word(List<Object> parts) {
        /** The word with its variables replaced; a variable without a value is an error. */
        String expand(Function<String, String> variables) {
            StringBuilder text = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof Variable v) {
                    text.append(variables.apply(v.name()));
                } else {
                    text.append(part);
                }
            }
            return text.toString();
        }

        /** The text when the word has no variables, else null. */
        String literal() {
            StringBuilder text = new StringBuilder();
            for (Object part : parts) {
                if (!(part instanceof String s)) {
                    return null;
                }
                text.append(s);
            }
            return text.toString();
        }
    }

    record Variable(String name) {}

    /** One curl request. {@code body}, {@code bodyFile} and {@code user} may be null. */
    record Curl(Word method, Word url, Map<String, Word> headers, Word user, Word body, String bodyFile) {}

    /**
     * One step of the tour: a request, what it must answer, and what it keeps. {@code line} is the
     * README line of its first word; {@code capture} and {@code jqPath} are set for
     * {@code NAME=$(… | jq -r PATH)}, {@code outputFile} for {@code > FILE}; {@code expectedStatus}
     * is null for "any 2xx".
     */
    record Step(
            int line,
            String source,
            Curl curl,
            String capture,
            List<Object> jqPath,
            String outputFile,
            Integer expectedStatus,
            String expectedCode) {}

    /** The tour section of a README, its bash blocks' steps in order. */
    static List<Step> parse(String readme) {
        String[] lines = readme.split("\n", -1);
        List<Step> steps = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().equals(SECTION)) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            throw new UnsupportedScript(1, "no section '" + SECTION + "'");
        }
        int i = start + 1;
        while (i < lines.length && !lines[i].startsWith("## ")) {
            if (lines[i].strip().equals("```bash")) {
                int first = i + 1;
                int end = first;
                while (end < lines.length && !lines[end].strip().equals("```")) {
                    end++;
                }
                if (end == lines.length) {
                    throw new UnsupportedScript(i + 1, "the bash block is not closed");
                }
                StringBuilder block = new StringBuilder();
                for (int k = first; k < end; k++) {
                    block.append(lines[k]).append('\n');
                }
                steps.addAll(parseBlock(block.toString(), first + 1));
                i = end + 1;
            } else {
                i++;
            }
        }
        return steps;
    }

    /** The steps of one bash block whose first line is README line {@code firstLine}. */
    static List<Step> parseBlock(String block, int firstLine) {
        return new BlockParser(block, firstLine).steps();
    }

    private enum Kind {
        WORD,
        PIPE,
        REDIRECT,
        CLOSE,
        ASSIGN
    }

    private record Token(Kind kind, Word word, String name, int line) {}

    private static final class BlockParser {
        private final String text;
        private final int firstLine;
        private int pos;
        private int line;

        BlockParser(String text, int firstLine) {
            this.text = text;
            this.firstLine = firstLine;
            this.line = firstLine;
        }

        List<Step> steps() {
            List<Step> steps = new ArrayList<>();
            List<Token> command = new ArrayList<>();
            int commandStart = pos;
            Integer status = null;
            String code = null;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ' ' || c == '\t') {
                    pos++;
                } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                    pos += 2;
                    line++;
                } else if (c == '\n') {
                    if (!command.isEmpty()) {
                        steps.add(step(command, text.substring(commandStart, pos), status, code));
                    }
                    command = new ArrayList<>();
                    status = null;
                    code = null;
                    pos++;
                    line++;
                    commandStart = pos;
                } else if (c == '#') {
                    int end = text.indexOf('\n', pos);
                    end = end < 0 ? text.length() : end;
                    String comment = text.substring(pos + 1, end);
                    Matcher m = EXPECTATION.matcher(comment);
                    if (m.find()) {
                        if (command.isEmpty()) {
                            throw new UnsupportedScript(line, "an expected status belongs at the end of a command");
                        }
                        status = Integer.valueOf(m.group(1));
                        code = m.group(2);
                    }
                    pos = end;
                } else if (c == '|') {
                    command.add(new Token(Kind.PIPE, null, null, line));
                    pos++;
                } else if (c == '>') {
                    command.add(new Token(Kind.REDIRECT, null, null, line));
                    pos++;
                } else if (c == ')') {
                    command.add(new Token(Kind.CLOSE, null, null, line));
                    pos++;
                } else {
                    if (command.isEmpty()) {
                        commandStart = pos;
                    }
                    command.add(word());
                }
            }
            if (!command.isEmpty()) {
                steps.add(step(command, text.substring(commandStart), status, code));
            }
            return steps;
        }

        /** A word, or {@code NAME=$(} as an assignment token. */
        private Token word() {
            int wordLine = line;
            List<Object> parts = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '|' || c == '>' || c == ')') {
                    break;
                }
                if (c == '\'') {
                    int end = text.indexOf('\'', pos + 1);
                    if (end < 0) {
                        throw new UnsupportedScript(line, "a single quote is not closed");
                    }
                    String quoted = text.substring(pos + 1, end);
                    line += count(quoted, '\n');
                    literal.append(quoted);
                    pos = end + 1;
                } else if (c == '"') {
                    pos++;
                    doubleQuoted(parts, literal);
                } else if (c == '$' && pos + 1 < text.length() && text.charAt(pos + 1) == '(') {
                    String name = literal.toString();
                    if (!parts.isEmpty()
                            || !name.endsWith("=")
                            || !NAME.matcher(name.substring(0, name.length() - 1))
                                    .matches()) {
                        throw new UnsupportedScript(line, "$( is read only as NAME=$(curl … | jq -r PATH)");
                    }
                    pos += 2;
                    return new Token(Kind.ASSIGN, null, name.substring(0, name.length() - 1), wordLine);
                } else if (c == '$') {
                    flush(parts, literal);
                    parts.add(variable());
                } else if (c == '\\') {
                    if (pos + 1 >= text.length()) {
                        throw new UnsupportedScript(line, "a backslash ends the block");
                    }
                    literal.append(text.charAt(pos + 1));
                    pos += 2;
                } else if (SPECIAL.indexOf(c) >= 0 || (c == '=' && literal.isEmpty() && parts.isEmpty())) {
                    throw new UnsupportedScript(line, "'" + c + "' outside quotes is not in the tour's subset of bash");
                } else {
                    literal.append(c);
                    pos++;
                }
            }
            flush(parts, literal);
            return new Token(Kind.WORD, new Word(List.copyOf(parts)), null, wordLine);
        }

        private void doubleQuoted(List<Object> parts, StringBuilder literal) {
            while (true) {
                if (pos >= text.length()) {
                    throw new UnsupportedScript(line, "a double quote is not closed");
                }
                char c = text.charAt(pos);
                if (c == '"') {
                    pos++;
                    return;
                } else if (c == '\\' && pos + 1 < text.length() && "\"\\$".indexOf(text.charAt(pos + 1)) >= 0) {
                    literal.append(text.charAt(pos + 1));
                    pos += 2;
                } else if (c == '$') {
                    flush(parts, literal);
                    parts.add(variable());
                } else if (c == '`' || c == '\\' || c == '!') {
                    throw new UnsupportedScript(line, "'" + c + "' inside double quotes is not in the tour's subset");
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    literal.append(c);
                    pos++;
                }
            }
        }

        /** {@code $NAME} or {@code ${NAME}} at {@code pos}. */
        private Variable variable() {
            pos++;
            boolean braced = pos < text.length() && text.charAt(pos) == '{';
            if (braced) {
                pos++;
            }
            int start = pos;
            while (pos < text.length()
                    && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')
                    && text.charAt(pos) < 128) {
                pos++;
            }
            String name = text.substring(start, pos);
            if (!NAME.matcher(name).matches()) {
                throw new UnsupportedScript(line, "'$' must begin a variable such as $PW");
            }
            if (braced) {
                if (pos >= text.length() || text.charAt(pos) != '}') {
                    throw new UnsupportedScript(line, "${" + name + " is not closed");
                }
                pos++;
            }
            return new Variable(name);
        }

        private static void flush(List<Object> parts, StringBuilder literal) {
            if (!literal.isEmpty()) {
                parts.add(literal.toString());
                literal.setLength(0);
            }
        }

        private Step step(List<Token> tokens, String source, Integer status, String code) {
            int at = tokens.get(0).line();
            if (tokens.get(0).kind() == Kind.ASSIGN) {
                String name = tokens.get(0).name();
                int pipe = indexOf(tokens, Kind.PIPE);
                if (pipe < 0) {
                    throw new UnsupportedScript(at, "NAME=$(…) must pipe curl into jq -r PATH");
                }
                Curl curl = curl(tokens.subList(1, pipe), at);
                List<Token> jq = tokens.subList(pipe + 1, tokens.size());
                if (jq.size() != 4
                        || !"jq".equals(literal(jq.get(0)))
                        || !"-r".equals(literal(jq.get(1)))
                        || literal(jq.get(2)) == null
                        || jq.get(3).kind() != Kind.CLOSE) {
                    throw new UnsupportedScript(at, "a capture ends in | jq -r PATH)");
                }
                return new Step(at, source, curl, name, jqPath(literal(jq.get(2)), at), null, status, code);
            }
            int redirect = indexOf(tokens, Kind.REDIRECT);
            String file = null;
            if (redirect >= 0) {
                if (redirect != tokens.size() - 2 || literal(tokens.get(redirect + 1)) == null) {
                    throw new UnsupportedScript(at, "> FILE ends a command, FILE a plain name");
                }
                file = literal(tokens.get(redirect + 1));
                if (!file.matches("[A-Za-z0-9._-]+")) {
                    throw new UnsupportedScript(at, "> FILE names a file in the current directory");
                }
                tokens = tokens.subList(0, redirect);
            }
            return new Step(at, source, curl(tokens, at), null, null, file, status, code);
        }

        private Curl curl(List<Token> tokens, int at) {
            if (tokens.isEmpty() || !"curl".equals(literal(tokens.get(0)))) {
                throw new UnsupportedScript(at, "a step is a curl command (or NAME=$(curl … | jq -r PATH))");
            }
            Word method = null;
            Word url = null;
            Word user = null;
            Word body = null;
            String bodyFile = null;
            Map<String, Word> headers = new LinkedHashMap<>();
            for (int k = 1; k < tokens.size(); k++) {
                Token token = tokens.get(k);
                if (token.kind() != Kind.WORD) {
                    throw new UnsupportedScript(token.line(), "unexpected " + token.kind() + " in a curl command");
                }
                String option = token.word().literal();
                if ("-s".equals(option)) {
                    continue;
                }
                if (option != null && option.startsWith("-")) {
                    if (!List.of("-u", "-X", "-H", "-d", "--data-binary").contains(option)) {
                        throw new UnsupportedScript(
                                token.line(), "curl option " + option + " is not in the tour's subset");
                    }
                    if (k + 1 >= tokens.size() || tokens.get(k + 1).kind() != Kind.WORD) {
                        throw new UnsupportedScript(token.line(), "curl " + option + " needs a value");
                    }
                    Word value = tokens.get(++k).word();
                    switch (option) {
                        case "-u" -> user = value;
                        case "-X" -> method = value;
                        case "-d" -> body = value;
                        case "--data-binary" -> {
                            String file = value.literal();
                            if (file == null || !file.startsWith("@") || file.length() < 2) {
                                throw new UnsupportedScript(
                                        token.line(), "--data-binary takes a literal @FILE of the repository");
                            }
                            bodyFile = file.substring(1);
                        }
                        default -> {
                            String header = value.literal();
                            if (header == null || header.indexOf(':') <= 0) {
                                throw new UnsupportedScript(token.line(), "-H takes a literal 'Name: value'");
                            }
                            int colon = header.indexOf(':');
                            headers.put(
                                    header.substring(0, colon).strip(),
                                    new Word(List.of(header.substring(colon + 1).strip())));
                        }
                    }
                } else if (url == null) {
                    url = token.word();
                } else {
                    throw new UnsupportedScript(token.line(), "a curl command has one URL");
                }
            }
            if (url == null) {
                throw new UnsupportedScript(at, "a curl command without a URL");
            }
            if (method == null) {
                method = new Word(List.of(body == null && bodyFile == null ? "GET" : "POST"));
            }
            return new Curl(method, url, headers, user, body, bodyFile);
        }

        private static List<Object> jqPath(String path, int at) {
            if (!JQ_PATH.matcher(path).matches()) {
                throw new UnsupportedScript(at, "jq path " + path + " is not of the form .name[0].name");
            }
            List<Object> steps = new ArrayList<>();
            Matcher m = JQ_STEP.matcher(path);
            while (m.find()) {
                steps.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
            }
            return steps;
        }

        private static String literal(Token token) {
            return token.kind() == Kind.WORD ? token.word().literal() : null;
        }

        private static int indexOf(List<Token> tokens, Kind kind) {
            for (int k = 0; k < tokens.size(); k++) {
                if (tokens.get(k).kind() == kind) {
                    return k;
                }
            }
            return -1;
        }

        private static int count(String s, char c) {
            return (int) s.chars().filter(x -> x == c).count();
        }
    }
}
