//! Inline simple Tera macro calls into the templates that call them.
//!
//! A call such as `{{ m::actor_link(root=root, a=a) }}` costs Tera a macro
//! lookup, a new stack frame with its own context map, and a string the
//! body is rendered into before it is copied out. The dossier's pages make
//! about 900,000 such calls at 10,000 articles; rendering the body in
//! place instead, with each parameter replaced by the argument's
//! expression, makes the same bytes with about 8% less rendering time.
//!
//! Only calls whose meaning cannot change are inlined:
//! * the call is a whole `{{ … }}` block: no filter, no `not`;
//! * every argument is a variable path (`r.article`) or a literal, and the
//!   macro's defaults for the rest are literals;
//! * every variable the body reads starts with one of its parameters (or a
//!   loop variable of its own `for`): a macro cannot see its caller's
//!   variables, so a body that reads another name keeps its frame;
//! * the body has no `set`, `include`, `block`, `break`, `continue`, macro
//!   call or `super()`, and no `[…]` lookup;
//! * its loop variables are neither parameters nor the first name of an
//!   argument, so no name is shadowed.
//!
//! Every other call is left as Tera wrote it. A macro whose call is
//! inlined still reports errors at render time, but a missing variable in
//! an argument the body never reads is no longer an error.
//!
//! This rewrites the parsed templates (`Tera::templates`, which tera marks
//! `#[doc(hidden)]`): the AST types are tera's public `ast` module.

use std::collections::HashMap;
use tera::ast::{Expr, ExprVal, MacroCall, MacroDefinition, Node};
use tera::Tera;

/// Namespace (`m` of `m::name`, or `self`) → macro name → definition: the
/// macros one template can call.
type Scope = HashMap<String, HashMap<String, MacroDefinition>>;

/// Inline every call that can be (see the module docs); returns how many
/// calls were inlined (a call inside a `block` counts once, though tera
/// keeps the block twice: in the template and in its block definitions).
pub fn inline_macros(tera: &mut Tera) -> usize {
    // each template's scope: its own macros and those it imports
    let mut scopes: HashMap<String, Scope> = HashMap::new();
    for (name, t) in &tera.templates {
        let mut ns = Scope::new();
        if !t.macros.is_empty() {
            ns.insert("self".to_string(), t.macros.clone());
        }
        for (file, alias) in &t.imported_macro_files {
            if let Some(m) = tera.templates.get(file) {
                ns.insert(alias.clone(), m.macros.clone());
            }
        }
        scopes.insert(name.clone(), ns);
    }
    let mut count = 0;
    for (name, t) in tera.templates.iter_mut() {
        if let Some(ns) = scopes.get(name) {
            count += inline_nodes(&mut t.ast, ns);
        }
        for defs in t.blocks_definitions.values_mut() {
            for (owner, block) in defs.iter_mut() {
                if let Some(ns) = scopes.get(owner) {
                    inline_nodes(&mut block.body, ns);
                }
            }
        }
    }
    count
}

/// Inline the calls in `nodes` and in the nodes they hold.
fn inline_nodes(nodes: &mut Vec<Node>, scope: &Scope) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < nodes.len() {
        if let Node::VariableBlock(_, expr) = &nodes[i] {
            if let Some(body) = inlined_call(expr, scope) {
                let n = body.len();
                nodes.splice(i..=i, body);
                count += 1;
                i += n;
                continue;
            }
        }
        for body in bodies_mut(&mut nodes[i]) {
            count += inline_nodes(body, scope);
        }
        i += 1;
    }
    count
}

/// The lists of nodes a node holds: a block's body, a loop's (and its
/// `empty` branch), each branch of an `if`, a filter section's body.
fn bodies_mut(node: &mut Node) -> Vec<&mut Vec<Node>> {
    match node {
        Node::Block(_, b, _) => vec![&mut b.body],
        Node::Forloop(_, f, _) => std::iter::once(&mut f.body)
            .chain(f.empty_body.as_mut())
            .collect(),
        Node::If(f, _) => f
            .conditions
            .iter_mut()
            .map(|(_, _, body)| body)
            .chain(f.otherwise.as_mut().map(|(_, body)| body))
            .collect(),
        Node::FilterSection(_, f, _) => vec![&mut f.body],
        _ => Vec::new(),
    }
}

/// The body of the macro `expr` calls, with its parameters replaced by the
/// call's arguments, if the call can be inlined.
fn inlined_call(expr: &Expr, scope: &Scope) -> Option<Vec<Node>> {
    let ExprVal::MacroCall(call) = &expr.val else {
        return None;
    };
    if expr.negated || !expr.filters.is_empty() {
        return None;
    }
    let def = scope.get(&call.namespace)?.get(&call.name)?;
    let binds = bindings(call, def)?;
    let mut body = def.body.clone();
    let mut sub = Substitution {
        binds: &binds,
        locals: Vec::new(),
    };
    sub.nodes(&mut body).then_some(body)
}

/// Each parameter's value: the call's argument or the default.
fn bindings(call: &MacroCall, def: &MacroDefinition) -> Option<HashMap<String, ExprVal>> {
    let mut binds = HashMap::new();
    for (param, default) in &def.args {
        let arg = match call.args.get(param) {
            Some(a) => a,
            None => default.as_ref()?,
        };
        if arg.negated || !arg.filters.is_empty() {
            return None;
        }
        match &arg.val {
            ExprVal::Ident(path) if !path.contains('[') => {}
            ExprVal::String(_) | ExprVal::Int(_) | ExprVal::Float(_) | ExprVal::Bool(_) => {}
            _ => return None,
        }
        binds.insert(param.clone(), arg.val.clone());
    }
    Some(binds)
}

/// The first name of a variable path (`a` of `a.page`).
fn root_of(path: &str) -> &str {
    path.split('.').next().unwrap_or(path)
}

struct Substitution<'a> {
    binds: &'a HashMap<String, ExprVal>,
    /// Loop variables of the body's own `for`s, innermost last.
    locals: Vec<String>,
}

impl Substitution<'_> {
    /// A body loop variable must not hide a parameter or an argument's name.
    fn may_bind(&self, name: &str) -> bool {
        !self.binds.contains_key(name)
            && !self.binds.values().any(|v| match v {
                ExprVal::Ident(p) => root_of(p) == name,
                _ => false,
            })
    }

    /// `path` with its parameter replaced; `None` if it reads anything else.
    fn path(&self, path: &str) -> Option<ExprVal> {
        if path.contains('[') {
            return None;
        }
        let root = root_of(path);
        if self.locals.iter().any(|l| l == root) {
            return Some(ExprVal::Ident(path.to_string()));
        }
        let rest = &path[root.len()..];
        match self.binds.get(root)? {
            ExprVal::Ident(arg) => Some(ExprVal::Ident(format!("{arg}{rest}"))),
            literal if rest.is_empty() => Some(literal.clone()),
            _ => None,
        }
    }

    fn nodes(&mut self, nodes: &mut [Node]) -> bool {
        nodes.iter_mut().all(|n| self.node(n))
    }

    fn node(&mut self, node: &mut Node) -> bool {
        match node {
            Node::Text(_) | Node::Comment(..) | Node::Raw(..) => true,
            Node::VariableBlock(_, e) => self.expr(e),
            Node::If(f, _) => {
                f.conditions
                    .iter_mut()
                    .all(|(_, e, body)| self.expr(e) && self.nodes(body))
                    && f.otherwise
                        .as_mut()
                        .is_none_or(|(_, body)| self.nodes(body))
            }
            Node::Forloop(_, f, _) => {
                if !self.expr(&mut f.container) {
                    return false;
                }
                let mut vars = vec![f.value.clone(), "loop".to_string()];
                vars.extend(f.key.clone());
                if !vars.iter().all(|v| self.may_bind(v)) {
                    return false;
                }
                let depth = self.locals.len();
                self.locals.extend(vars);
                let ok =
                    self.nodes(&mut f.body) && f.empty_body.as_mut().is_none_or(|b| self.nodes(b));
                self.locals.truncate(depth);
                ok
            }
            Node::FilterSection(_, f, _) => {
                f.filter.args.values_mut().all(|e| self.expr(e)) && self.nodes(&mut f.body)
            }
            // a frame of its own changes what these see or do
            Node::Super
            | Node::MacroDefinition(..)
            | Node::Extends(..)
            | Node::Include(..)
            | Node::ImportMacro(..)
            | Node::Set(..)
            | Node::Block(..)
            | Node::Break(_)
            | Node::Continue(_) => false,
        }
    }

    fn expr(&mut self, e: &mut Expr) -> bool {
        e.filters
            .iter_mut()
            .all(|f| f.args.values_mut().all(|a| self.expr(a)))
            && self.val(&mut e.val)
    }

    fn val(&mut self, v: &mut ExprVal) -> bool {
        match v {
            ExprVal::String(_) | ExprVal::Int(_) | ExprVal::Float(_) | ExprVal::Bool(_) => true,
            ExprVal::Ident(p) => match self.path(p) {
                Some(new) => {
                    *v = new;
                    true
                }
                None => false,
            },
            ExprVal::Math(m) => self.expr(&mut m.lhs) && self.expr(&mut m.rhs),
            ExprVal::Logic(l) => self.expr(&mut l.lhs) && self.expr(&mut l.rhs),
            ExprVal::In(i) => self.expr(&mut i.lhs) && self.expr(&mut i.rhs),
            ExprVal::Test(t) => {
                let Some(ExprVal::Ident(p)) = self.path(&t.ident) else {
                    return false;
                };
                t.ident = p;
                t.args.iter_mut().all(|a| self.expr(a))
            }
            ExprVal::FunctionCall(f) => f.args.values_mut().all(|a| self.expr(a)),
            ExprVal::Array(items) => items.iter_mut().all(|a| self.expr(a)),
            ExprVal::StringConcat(c) => c
                .values
                .iter_mut()
                .all(|v| self.val(v) && matches!(v, ExprVal::Ident(_) | ExprVal::String(_))),
            ExprVal::MacroCall(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Context;

    const MACROS: &str = r#"{% macro link(root, a, n=0) %}<a href="{{ root }}{{ a.page }}{% if n > 0 %}#p{{ n }}{% endif %}">{{ a.title }}</a>{% endmacro link %}
{% macro note(basis) %}{% if basis == "x" %}<b>x</b>{% elif basis %}<i>{{ basis | upper }}</i>{% endif %}{% endmacro note %}
{% macro list(root, p) %}{% if p and p.total > 1 %}{% for q in p.pages %}{% if q == p.current %}[{{ q }}]{% else %}<a href="{{ root }}{{ q }}">{{ q }}</a>{% endif %}{% endfor %}{% endif %}{% endmacro list %}
{% macro free(a) %}{{ a.title }} {{ site }}{% endmacro free %}
{% macro sets(a) %}{% set t = a.title %}{{ t }}{% endmacro sets %}
{% macro loops(p) %}{% for a in p.pages %}{{ a }}{% endfor %}{% endmacro loops %}"#;

    fn tera(page: &str, inline: bool) -> (Tera, usize) {
        let mut t = Tera::default();
        t.autoescape_on(vec![".html"]);
        t.add_raw_templates(vec![
            ("macros.html", MACROS),
            (
                "base.html",
                "<main>{% block content %}{% endblock content %}</main>",
            ),
            ("page.html", page),
        ])
        .unwrap();
        let n = if inline { inline_macros(&mut t) } else { 0 };
        (t, n)
    }

    fn context() -> Context {
        let mut c = Context::new();
        c.insert("root", "../");
        c.insert("site", "S");
        c.insert(
            "items",
            &serde_json::json!([
                {"page": "a/<x>.html", "title": "A & B", "n": 3, "basis": "x"},
                {"page": "b.html", "title": "\"B\"", "n": 0, "basis": "y"},
                {"page": "c.html", "title": "C", "n": 1, "basis": null}
            ]),
        );
        c.insert(
            "pager",
            &serde_json::json!({"total": 3, "current": 2, "pages": [1, 2, 3]}),
        );
        c
    }

    /// Renders `page` with and without inlining: the same bytes (or both
    /// fail), and how many calls were inlined.
    fn same(page: &str) -> usize {
        let (plain, _) = tera(page, false);
        let (fast, n) = tera(page, true);
        let a = plain.render("page.html", &context());
        let b = fast.render("page.html", &context());
        match (a, b) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "inlining changed the output of {page}"),
            (Err(_), Err(_)) => {}
            (a, b) => panic!("{page}: {a:?} without inlining, {b:?} with it"),
        }
        n
    }

    #[test]
    fn inlined_calls_render_the_same_bytes() {
        let page = r#"{% extends "base.html" %}{% import "macros.html" as m %}{% block content %}
{% for i in items %}{{ m::link(root=root, a=i, n=i.n) }}|{{ m::link(root=root, a=i) }}|{{ m::note(basis=i.basis) }}|{{ m::note(basis="x") }}
{% endfor %}{{ m::list(root=root, p=pager) }}{% endblock content %}"#;
        assert_eq!(same(page), 5);
        // outside blocks, in a template that extends nothing
        let page = r#"{% import "macros.html" as m %}{% for i in items %}{% if i.n > 0 %}{{ m::link(root="/", a=i, n=2) }}{% else %}{{ m::note(basis=i.basis) }}{% endif %}{% endfor %}"#;
        assert_eq!(same(page), 2);
    }

    #[test]
    fn calls_whose_meaning_could_change_are_left_alone() {
        let calls = [
            // reads a variable that is not a parameter
            r#"{{ m::free(a=items) }}"#,
            // sets a variable
            r#"{% for i in items %}{{ m::sets(a=i) }}{% endfor %}"#,
            // its loop variable would hide the argument's name
            r#"{% for a in items %}{{ m::loops(p=a) }}{% endfor %}"#,
            // filtered, or an argument that is an expression
            r#"{{ m::note(basis="x") | upper }}"#,
            r#"{% for i in items %}{{ m::note(basis=i.basis | upper) }}{% endfor %}"#,
            // inside a condition rather than a {{ }} block
            r#"{% if m::note(basis="x") %}yes{% endif %}"#,
        ];
        for call in calls {
            let page = format!(r#"{{% import "macros.html" as m %}}{call}"#);
            assert_eq!(same(&page), 0, "{call}");
        }
    }

    /// Macro calls left in `nodes` and the nodes they hold.
    fn calls_in(nodes: &mut [Node]) -> usize {
        let is_call = |e: &Expr| matches!(e.val, ExprVal::MacroCall(_));
        nodes
            .iter_mut()
            .map(|n| {
                let own = match &*n {
                    Node::VariableBlock(_, e) => usize::from(is_call(e)),
                    Node::If(f, _) => f.conditions.iter().filter(|(_, e, _)| is_call(e)).count(),
                    _ => 0,
                };
                own + bodies_mut(n)
                    .into_iter()
                    .map(|b| calls_in(b))
                    .sum::<usize>()
            })
            .sum()
    }

    #[test]
    fn every_call_in_the_default_templates_is_inlined() {
        let empty = tempfile::tempdir().unwrap();
        let (mut tera, _) = crate::render::templates(empty.path()).unwrap();
        let mut pages = 0;
        for (name, t) in tera.templates.iter_mut() {
            assert_eq!(calls_in(&mut t.ast), 0, "{name}");
            for (owner, b) in t.blocks_definitions.values_mut().flatten() {
                assert_eq!(
                    calls_in(&mut b.body),
                    0,
                    "{name}: block {} of {owner}",
                    b.name
                );
            }
            pages += usize::from(!t.imported_macro_files.is_empty());
        }
        assert!(pages >= 5, "the default templates import their macros");
    }

    #[test]
    fn a_literal_argument_replaces_only_the_whole_parameter() {
        // `a.page` cannot read a field of the literal "x": left as a call,
        // which reads nothing and renders empty fields
        let page = r#"{% import "macros.html" as m %}{{ m::link(root="/", a="x") }}"#;
        assert_eq!(same(page), 0);
        // a literal used whole is inlined
        let page = r#"{% import "macros.html" as m %}{{ m::note(basis="y") }}"#;
        assert_eq!(same(page), 1);
    }
}
