//! One file being read: its tokens grouped into statements (one line each, with the `{`
//! that opens its block), and skipping blocks that hold no landscape data.

use super::super::ImportError;
use super::super::report::Place;
use super::super::source::Source;
use super::lex::{self, Token, Tokens};

/// One word of a statement, after `${NAME}` substitution.
#[derive(Clone, Debug)]
pub struct Arg {
    pub text: String,
    /// Written in quotes (so never a keyword or `->`).
    pub quoted: bool,
    pub offset: usize,
}

impl Arg {
    /// The word as a keyword, in lower case (Structurizr's keywords ignore case).
    pub fn keyword(&self) -> Option<String> {
        (!self.quoted).then(|| self.text.to_lowercase())
    }

    pub fn is(&self, word: &str) -> bool {
        !self.quoted && self.text == word
    }
}

#[derive(Debug)]
pub struct Statement {
    pub args: Vec<Arg>,
    pub offset: usize,
    /// Where its `{` is, when it opens a block.
    pub block: Option<usize>,
}

impl Statement {
    pub fn keyword(&self) -> String {
        self.args.first().and_then(Arg::keyword).unwrap_or_default()
    }

    /// The keyword after `x =` when the statement assigns an identifier, else the first.
    pub fn main_keyword(&self) -> String {
        let assigned = self.args.len() > 2 && self.args[1].is("=");
        match assigned {
            true => self.args[2].keyword().unwrap_or_default(),
            false => self.keyword(),
        }
    }

    pub fn text(&self, index: usize) -> Option<&str> {
        self.args.get(index).map(|a| a.text.as_str())
    }
}

/// What came next in a file.
pub enum Next {
    Statement(Statement),
    /// A `}` closing the block being read, at this offset.
    Close(usize),
    EndOfFile,
}

/// What was in a skipped block, for the report line about it.
#[derive(Default)]
pub struct Skipped {
    /// Statements directly inside it.
    pub statements: usize,
    /// `->` anywhere inside it.
    pub relationships: usize,
    /// Words anywhere inside it, lower case, to count (`deploymentnode`, say).
    pub words: Vec<String>,
}

impl Skipped {
    pub fn count(&self, word: &str) -> usize {
        self.words.iter().filter(|w| *w == word).count()
    }
}

pub struct Cursor<'s> {
    pub source: &'s Source,
    tokens: Tokens,
    at: usize,
}

impl<'s> Cursor<'s> {
    pub fn new(source: &'s Source) -> Result<Cursor<'s>, ImportError> {
        let tokens = lex::tokens(source)?;
        Ok(Cursor {
            source,
            tokens,
            at: 0,
        })
    }

    pub fn place(&self, offset: usize) -> Place {
        self.source.place(offset)
    }

    pub fn error(&self, offset: usize, message: &str) -> ImportError {
        self.source.error_at(offset, message)
    }

    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at).map(|(t, _)| t)
    }

    fn skip_line_ends(&mut self) {
        while self.peek() == Some(&Token::End) {
            self.at += 1;
        }
    }

    /// The next statement (its words not yet substituted), a `}`, or the end.
    pub fn next(&mut self) -> Next {
        self.skip_line_ends();
        let Some((token, offset)) = self.tokens.get(self.at).cloned() else {
            return Next::EndOfFile;
        };
        if token == Token::Close {
            self.at += 1;
            return Next::Close(offset);
        }
        let mut args = Vec::new();
        while let Some((token, at)) = self.tokens.get(self.at).cloned() {
            let (text, quoted) = match token {
                Token::Word(text) => (text, false),
                Token::Text(text) => (text, true),
                Token::Open | Token::Close | Token::End => break,
            };
            args.push(Arg {
                text,
                quoted,
                offset: at,
            });
            self.at += 1;
        }
        let block = self.block_start();
        Next::Statement(Statement {
            args,
            offset,
            block,
        })
    }

    /// The `{` that ends the statement, or stands alone on the line after it.
    fn block_start(&mut self) -> Option<usize> {
        let mut ahead = self.at;
        while let Some((Token::End, _)) = self.tokens.get(ahead) {
            ahead += 1;
        }
        match self.tokens.get(ahead) {
            Some((Token::Open, offset)) => {
                self.at = ahead + 1;
                Some(*offset)
            }
            _ => None,
        }
    }

    /// Past the `}` that closes the block opened at `open`.
    pub fn skip_block(&mut self, open: usize) -> Result<Skipped, ImportError> {
        let mut depth = 1usize;
        let mut skipped = Skipped::default();
        // Words so far on this line, to find its keyword (`x = keyword …` too).
        let mut line: Vec<&str> = Vec::new();
        while let Some((token, _)) = self.tokens.get(self.at) {
            self.at += 1;
            match token {
                Token::Open => depth += 1,
                Token::Close => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(skipped);
                    }
                }
                Token::End => line.clear(),
                Token::Word(word) | Token::Text(word) => {
                    if depth == 1 && line.is_empty() {
                        skipped.statements += 1;
                    }
                    if word == "->" {
                        skipped.relationships += 1;
                    }
                    let keyword_place = line.is_empty() || line.len() == 2 && line[1] == "=";
                    if keyword_place && matches!(token, Token::Word(_)) {
                        skipped.words.push(word.to_lowercase());
                    }
                    line.push(word);
                }
            }
        }
        Err(self.unclosed(open))
    }

    pub fn unclosed(&self, open: usize) -> ImportError {
        self.error(
            open,
            "the file ends before this `{` is closed with `}` (is a `}` missing?)",
        )
    }
}
