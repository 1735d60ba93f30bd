//! Structurizr DSL tokens, as its own parser splits lines: words between whitespace,
//! `"quoted"` text (with `\"` for a quote and `\n` for a line break), `"""` text blocks
//! over several lines, `{` and `}` when they stand alone, and the end of each line (a
//! statement is one line). Comments: `#` and `//` at the start of a line, `/* … */`
//! anywhere a token may start. A `\` at the end of a line joins the next line to it.

use super::super::ImportError;
use super::super::source::Source;

#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    /// A bare word: a keyword, an identifier, `->`, `=` or an unquoted value.
    Word(String),
    /// Quoted text or a text block, unescaped.
    Text(String),
    Open,
    Close,
    /// The end of a line, where a statement ends.
    End,
}

pub type Tokens = Vec<(Token, usize)>;

pub fn tokens(source: &Source) -> Result<Tokens, ImportError> {
    let mut lexer = Lexer {
        source,
        text: &source.text,
        at: 0,
        line_start: true,
        out: Vec::new(),
    };
    lexer.run()?;
    lexer.end_line();
    Ok(lexer.out)
}

struct Lexer<'a> {
    source: &'a Source,
    text: &'a str,
    at: usize,
    /// Only whitespace since the last line break: `#` and `//` start a comment here.
    line_start: bool,
    out: Tokens,
}

impl<'a> Lexer<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn run(&mut self) -> Result<(), ImportError> {
        while let Some(c) = self.rest().chars().next() {
            match c {
                '\n' => {
                    self.end_line();
                    self.at += 1;
                    self.line_start = true;
                }
                ' ' | '\t' | '\r' => self.at += 1,
                '#' if self.line_start => self.skip_line(),
                '/' if self.line_start && self.rest().starts_with("//") => self.skip_line(),
                '/' if self.rest().starts_with("/*") => self.block_comment()?,
                '\\' if self.continues_line() => self.skip_line_break(),
                '"' if self.rest().starts_with("\"\"\"") => self.text_block()?,
                '"' => self.quoted()?,
                c if is_binary(c) => return Err(self.binary(self.at, c)),
                c if c.is_whitespace() => self.at += c.len_utf8(),
                _ => self.word()?,
            }
        }
        Ok(())
    }

    fn binary(&self, offset: usize, c: char) -> ImportError {
        let message = format!(
            "unexpected character U+{:04X}: this does not look like a Structurizr DSL text file",
            c as u32
        );
        self.source.error_at(offset, &message)
    }

    fn push(&mut self, token: Token, offset: usize) {
        self.out.push((token, offset));
        self.line_start = false;
    }

    fn end_line(&mut self) {
        if self.out.last().is_some_and(|(t, _)| *t != Token::End) {
            self.out.push((Token::End, self.at));
        }
    }

    fn skip_line(&mut self) {
        self.at += self.rest().find('\n').unwrap_or(self.rest().len());
    }

    /// A `\` with only spaces after it before the line break.
    fn continues_line(&self) -> bool {
        let after = &self.rest()[1..];
        let line = after.split('\n').next().unwrap_or("");
        line.trim().is_empty() && after.len() > line.len()
    }

    fn skip_line_break(&mut self) {
        self.skip_line();
        self.at += 1;
    }

    fn block_comment(&mut self) -> Result<(), ImportError> {
        let start = self.at;
        let Some(length) = self.rest()[2..].find("*/") else {
            return Err(self
                .source
                .error_at(start, "this comment is not closed with `*/`"));
        };
        let comment = &self.rest()[..length + 4];
        let breaks_line = comment.contains('\n');
        self.at += comment.len();
        if breaks_line {
            self.end_line();
            self.line_start = true;
        }
        Ok(())
    }

    fn quoted(&mut self) -> Result<(), ImportError> {
        let start = self.at;
        let mut value = String::new();
        let mut chars = self.rest()[1..].char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.at = start + 1 + i + 1;
                    self.push(Token::Text(value), start);
                    return Ok(());
                }
                '\\' if self.rest()[1 + i + 1..].starts_with('"') => {
                    value.push('"');
                    chars.next();
                }
                // Structurizr reads `\n` in any text as a line break (`Tokens.get`).
                '\\' if self.rest()[1 + i + 1..].starts_with('n') => {
                    value.push('\n');
                    chars.next();
                }
                '\n' => break,
                c => value.push(c),
            }
        }
        Err(self.source.error_at(
            start,
            "this quoted text is not closed with `\"` on the same line (use `\"\"\"` for text \
             over several lines)",
        ))
    }

    /// `"""` … `"""`: the lines between, without the indentation of the first of them.
    fn text_block(&mut self) -> Result<(), ImportError> {
        let start = self.at;
        let Some(length) = self.rest()[3..].find("\"\"\"") else {
            return Err(self
                .source
                .error_at(start, "this text block is not closed with `\"\"\"`"));
        };
        let inside = &self.rest()[3..3 + length];
        // Structurizr unescapes a text block's `\"` and `\n` as it does a quoted text's.
        let value = dedent(inside).replace("\\\"", "\"").replace("\\n", "\n");
        self.at += length + 6;
        self.push(Token::Text(value), start);
        Ok(())
    }

    fn word(&mut self) -> Result<(), ImportError> {
        let start = self.at;
        let length = self
            .rest()
            .find(|c: char| c.is_whitespace() || is_binary(c))
            .unwrap_or(self.rest().len());
        if let Some(c) = self.rest()[length..]
            .chars()
            .next()
            .filter(|&c| is_binary(c))
        {
            return Err(self.binary(start + length, c));
        }
        let mut word = &self.rest()[..length];
        let joins_next_line = word.len() > 1 && word.ends_with('\\') && {
            let line = self.rest()[length..].split('\n').next().unwrap_or("");
            line.trim().is_empty() && self.rest().len() > length + line.len()
        };
        if joins_next_line {
            word = &word[..word.len() - 1];
        }
        let token = match word {
            "{" => Token::Open,
            "}" => Token::Close,
            _ => Token::Word(word.to_owned()),
        };
        self.at += length;
        self.push(token, start);
        if joins_next_line {
            self.skip_line_break();
        }
        Ok(())
    }
}

/// Control characters (but tabs and line breaks) and U+FFFD are not in text files.
fn is_binary(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffd}'
}

/// The text of a text block: its lines without the first line's indentation, without the
/// line breaks right after the opening and before the closing `"""`.
fn dedent(inside: &str) -> String {
    let inside = inside.strip_prefix('\n').unwrap_or(inside);
    let inside = inside.strip_prefix("\r\n").unwrap_or(inside);
    let lines: Vec<&str> = inside.lines().collect();
    let indent = lines
        .iter()
        .find(|l| !l.trim().is_empty())
        .map_or(0, |l| l.len() - l.trim_start().len());
    let mut out: Vec<&str> = lines
        .iter()
        .map(|line| {
            let cut = line
                .char_indices()
                .take_while(|(i, c)| *i < indent && c.is_whitespace())
                .map(|(i, c)| i + c.len_utf8())
                .last()
                .unwrap_or(0);
            &line[cut..]
        })
        .collect();
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    out.join("\n")
}
