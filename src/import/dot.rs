//! Graphviz DOT: `graph` / `digraph` (and `strict`), node and edge statements with
//! chains and subgraph ends, attribute lists and `node` / `edge` defaults, clusters as
//! zones, `label` (HTML labels as text) and `pos` when a layout tool wrote one.
//! Hand-written: the DOT crates give no positions, and the report needs every line.

mod attributes;
mod lex;

use std::collections::HashMap;

use super::ImportError;
use super::builder::Builder;
use super::source::Source;
use lex::Token;

type Attributes = Vec<(String, String)>;

#[derive(Default)]
struct Graph {
    directed: bool,
    strict: bool,
    attributes: Attributes,
    nodes: Vec<Node>,
    node_index: HashMap<String, usize>,
    edges: Vec<Edge>,
    clusters: Vec<Cluster>,
}

struct Node {
    key: String,
    attributes: Attributes,
    offset: usize,
    cluster: Option<usize>,
}

struct Edge {
    from: String,
    to: String,
    attributes: Attributes,
    offset: usize,
}

struct Cluster {
    key: String,
    attributes: Attributes,
    offset: usize,
}

#[derive(Clone, Default)]
struct Scope {
    node_defaults: Attributes,
    edge_defaults: Attributes,
    cluster: Option<usize>,
    /// Inside a subgraph that is not a cluster: its graph attributes describe nothing.
    plain_subgraph: bool,
}

struct Parser<'a> {
    source: &'a Source,
    tokens: Vec<(Token, usize)>,
    at: usize,
    graph: Graph,
}

pub fn read(source: &Source, builder: &mut Builder) -> Result<(), ImportError> {
    let tokens = lex::tokens(source)?;
    let mut parser = Parser {
        source,
        tokens,
        at: 0,
        graph: Graph::default(),
    };
    parser.header()?;
    parser.statements(&mut Scope::default(), None)?;
    if let Some((_, offset)) = parser.tokens.get(parser.at) {
        return Err(source.error_at(*offset, "text after the end of the graph"));
    }
    attributes::into_drafts(parser.graph, source, builder);
    Ok(())
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at).map(|(t, _)| t)
    }

    fn peek_word(&self) -> Option<String> {
        match self.peek() {
            Some(Token::Id(word, false)) => Some(word.to_lowercase()),
            _ => None,
        }
    }

    fn offset(&self) -> usize {
        self.tokens
            .get(self.at)
            .map_or(self.source.text.len(), |(_, o)| *o)
    }

    fn error(&self, message: &str) -> ImportError {
        self.source.error_at(self.offset(), message)
    }

    fn eat(&mut self, token: &Token) -> bool {
        let matched = self.peek() == Some(token);
        if matched {
            self.at += 1;
        }
        matched
    }

    fn expect(&mut self, token: &Token, what: &str) -> Result<(), ImportError> {
        if self.eat(token) {
            Ok(())
        } else {
            Err(self.error(&format!("expected {what}")))
        }
    }

    fn id(&mut self) -> Option<String> {
        match self.peek() {
            Some(Token::Id(value, _)) => {
                let value = value.clone();
                self.at += 1;
                Some(value)
            }
            _ => None,
        }
    }

    /// `[strict] (graph | digraph) [ID] {`
    fn header(&mut self) -> Result<(), ImportError> {
        if self.peek_word().as_deref() == Some("strict") {
            self.graph.strict = true;
            self.at += 1;
        }
        match self.peek_word().as_deref() {
            Some("digraph") => self.graph.directed = true,
            Some("graph") => {}
            _ => return Err(self.error("expected `graph` or `digraph` at the start of a DOT file")),
        }
        self.at += 1;
        if let Some(Token::Id(..)) = self.peek() {
            let name = self.id().unwrap_or_default();
            self.graph.attributes.push(("name".to_owned(), name));
        }
        self.expect(&Token::Open, "`{` to open the graph")
    }

    /// Statements up to the closing `}`; the keys of the nodes they name.
    fn statements(
        &mut self,
        scope: &mut Scope,
        _cluster: Option<usize>,
    ) -> Result<Vec<String>, ImportError> {
        let mut named = Vec::new();
        loop {
            match self.peek() {
                None => return Err(self.error("the file ends before the graph is closed with `}`")),
                Some(Token::Close) => {
                    self.at += 1;
                    return Ok(named);
                }
                Some(Token::Semicolon) => self.at += 1,
                _ => self.statement(scope, &mut named)?,
            }
        }
    }

    fn statement(&mut self, scope: &mut Scope, named: &mut Vec<String>) -> Result<(), ImportError> {
        let word = self.peek_word();
        let next = self.tokens.get(self.at + 1).map(|(t, _)| t);
        if let Some(kind @ ("graph" | "node" | "edge")) = word.as_deref()
            && next == Some(&Token::OpenList)
        {
            let kind = kind.to_owned();
            self.at += 1;
            let list = self.attribute_lists()?;
            match kind.as_str() {
                "node" => scope.node_defaults.extend(list),
                "edge" => scope.edge_defaults.extend(list),
                _ => self.graph_attributes(scope, list),
            }
            return Ok(());
        }
        if matches!(self.peek(), Some(Token::Id(..))) && next == Some(&Token::Equals) {
            let key = self.id().unwrap_or_default();
            self.at += 1;
            let value = self
                .id()
                .ok_or_else(|| self.error("expected a value after `=`"))?;
            self.graph_attributes(scope, vec![(key, value)]);
            return Ok(());
        }
        let offset = self.offset();
        let mut ends = self.end(scope)?;
        named.extend(ends.iter().cloned());
        let mut chain = vec![ends.clone()];
        while self.eat(&Token::EdgeOp) {
            ends = self.end(scope)?;
            named.extend(ends.iter().cloned());
            chain.push(ends.clone());
        }
        let list = if self.peek() == Some(&Token::OpenList) {
            self.attribute_lists()?
        } else {
            Vec::new()
        };
        if chain.len() == 1 {
            // A node statement: its attributes belong to the node (a subgraph takes none).
            if let [key] = chain[0].as_slice()
                && let Some(&index) = self.graph.node_index.get(key)
            {
                self.graph.nodes[index].attributes.extend(list);
            }
            return Ok(());
        }
        let mut attributes = scope.edge_defaults.clone();
        attributes.extend(list);
        for pair in chain.windows(2) {
            for from in &pair[0] {
                for to in &pair[1] {
                    self.graph.edges.push(Edge {
                        from: from.clone(),
                        to: to.clone(),
                        attributes: attributes.clone(),
                        offset,
                    });
                }
            }
        }
        Ok(())
    }

    /// One end of an edge statement: a node id (with an optional port) or a subgraph.
    fn end(&mut self, scope: &mut Scope) -> Result<Vec<String>, ImportError> {
        if self.peek_word().as_deref() == Some("subgraph") || self.peek() == Some(&Token::Open) {
            return self.subgraph(scope);
        }
        let offset = self.offset();
        let key = self
            .id()
            .ok_or_else(|| self.error("expected a node id, a subgraph or `}`"))?;
        // A port (`node:port:compass`) is where on the node a line attaches: not a node.
        while self.eat(&Token::Colon) {
            self.id()
                .ok_or_else(|| self.error("expected a port name after `:`"))?;
        }
        self.mention(&key, scope, offset);
        Ok(vec![key])
    }

    fn mention(&mut self, key: &str, scope: &Scope, offset: usize) {
        match self.graph.node_index.get(key) {
            Some(&index) => {
                let node = &mut self.graph.nodes[index];
                node.cluster = node.cluster.or(scope.cluster);
            }
            None => {
                self.graph
                    .node_index
                    .insert(key.to_owned(), self.graph.nodes.len());
                self.graph.nodes.push(Node {
                    key: key.to_owned(),
                    attributes: scope.node_defaults.clone(),
                    offset,
                    cluster: scope.cluster,
                });
            }
        }
    }

    /// `[subgraph [ID]] { … }`: a cluster when its name starts with `cluster`.
    fn subgraph(&mut self, scope: &Scope) -> Result<Vec<String>, ImportError> {
        let offset = self.offset();
        let mut name = None;
        if self.peek_word().as_deref() == Some("subgraph") {
            self.at += 1;
            name = self.id();
        }
        self.expect(&Token::Open, "`{` to open the subgraph")?;
        let mut inner = scope.clone();
        if let Some(name) = name.as_ref().filter(|n| n.starts_with("cluster")) {
            self.graph.clusters.push(Cluster {
                key: name.clone(),
                attributes: Vec::new(),
                offset,
            });
            inner.cluster = Some(self.graph.clusters.len() - 1);
            inner.plain_subgraph = false;
        } else {
            inner.plain_subgraph = true;
        }
        let cluster = inner.cluster;
        self.statements(&mut inner, cluster)
    }

    fn graph_attributes(&mut self, scope: &Scope, list: Attributes) {
        if scope.plain_subgraph {
            return;
        }
        match scope.cluster {
            Some(cluster) => self.graph.clusters[cluster].attributes.extend(list),
            None => self.graph.attributes.extend(list),
        }
    }

    /// `[a=b, c=d; e=f][g=h]`; a lone key means `key=true`.
    fn attribute_lists(&mut self) -> Result<Attributes, ImportError> {
        let mut list = Vec::new();
        while self.eat(&Token::OpenList) {
            loop {
                if self.eat(&Token::CloseList) {
                    break;
                }
                let key = self
                    .id()
                    .ok_or_else(|| self.error("expected an attribute name or `]`"))?;
                let value = if self.eat(&Token::Equals) {
                    self.id()
                        .ok_or_else(|| self.error("expected a value after `=`"))?
                } else {
                    "true".to_owned()
                };
                list.push((key, value));
                if !self.eat(&Token::Comma) {
                    self.eat(&Token::Semicolon);
                }
            }
        }
        Ok(list)
    }
}

#[cfg(test)]
mod tests;
