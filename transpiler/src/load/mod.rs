//! Finding, reading and parsing the Python modules of a program.
//!
//! A program is its entry module and every project module it imports,
//! directly or through other modules, at module level or inside functions.
//! Modules are found as Kybra finds them: Kybra bundles the module graph of
//! the entry with the project directory (the build's current directory, the
//! dfx project root) and the entry's directory on the Python path, in that
//! order, and runs the entry as a top-level module named after its file
//! (`src/main.py` is module `main`, so relative imports in it fail, as in
//! Kybra). Each module is parsed once; cycles are fine. `kybra` and `typing`
//! (and their submodules) are not project modules: the checker decides what
//! of them it supports.

mod order;
mod walrus;

pub use order::init_order;

use crate::diagnostics::Diagnostic;
use crate::source::{FileId, SourceMap, Span};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::Parse;
use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};

/// Top-level modules that are never looked up in the project.
pub const EXTERNAL: &[&str] = &["kybra", "typing", "math", "dataclasses", "collections"];

/// Standard-library modules the compiler provides itself (`import math`).
pub const NATIVE: &[&str] = &["math"];

/// A parsed Python module.
#[derive(Debug)]
pub struct Module {
    pub file: FileId,
    /// Display path, e.g. `src/main.py`.
    pub path: String,
    pub body: Vec<ast::Stmt>,
    /// Dotted module name (`src.state`; the entry's is its file stem).
    pub name: String,
    /// The package relative imports start from (`__package__`): the parent
    /// of a module, a package itself, empty for a top-level module.
    pub package: String,
}

/// The modules of one program; `modules[0]` is the entry.
#[derive(Debug)]
pub struct Project {
    pub modules: Vec<Module>,
    /// Dotted name -> index in `modules`.
    pub by_name: HashMap<String, usize>,
}

impl Project {
    pub fn entry(&self) -> &Module {
        &self.modules[0]
    }

    /// The project module a `from`/`import` in `from` names, if it was found.
    pub fn resolve(&self, from: usize, level: u32, module: Option<&str>) -> Option<usize> {
        let name = absolute(&self.modules[from].package, level, module).ok()?;
        self.by_name.get(&name).copied()
    }
}

/// The absolute name of a (possibly relative) import, as
/// `importlib._bootstrap._resolve_name` computes it.
pub fn absolute(package: &str, level: u32, module: Option<&str>) -> Result<String, String> {
    let module = module.unwrap_or("");
    if level == 0 {
        return Ok(module.to_string());
    }
    if package.is_empty() {
        return Err("attempted relative import with no known parent package".into());
    }
    let bits: Vec<&str> = package.rsplitn(level as usize, '.').collect();
    if bits.len() < level as usize {
        return Err("attempted relative import beyond top-level package".into());
    }
    let base = bits[bits.len() - 1];
    Ok(if module.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{module}")
    })
}

/// Whether a dotted name belongs to a module the project never provides.
pub fn is_external(name: &str) -> bool {
    EXTERNAL.contains(&name.split('.').next().unwrap_or(""))
}

/// Where module files come from.
pub trait Files {
    /// The text of a file, `None` if there is none (or it is unreadable).
    fn read(&self, path: &Path) -> Option<String>;
    fn is_dir(&self, path: &Path) -> bool;
    fn is_file(&self, path: &Path) -> bool;
    /// A path that is equal for equal files (to see one file imported
    /// under two names).
    fn canonical(&self, path: &Path) -> PathBuf;
}

/// No files at all: a single-module program (the entry text is given).
pub struct NoFiles;

impl Files for NoFiles {
    fn read(&self, _: &Path) -> Option<String> {
        None
    }
    fn is_dir(&self, _: &Path) -> bool {
        false
    }
    fn is_file(&self, _: &Path) -> bool {
        false
    }
    fn canonical(&self, path: &Path) -> PathBuf {
        path.to_path_buf()
    }
}

/// The file system; paths are read relative to `base` (empty: the current
/// directory) and displayed without it.
pub struct Disk {
    pub base: PathBuf,
}

impl Files for Disk {
    fn read(&self, path: &Path) -> Option<String> {
        std::fs::read_to_string(self.base.join(path)).ok()
    }
    fn is_dir(&self, path: &Path) -> bool {
        self.base.join(path).is_dir()
    }
    fn is_file(&self, path: &Path) -> bool {
        self.base.join(path).is_file()
    }
    fn canonical(&self, path: &Path) -> PathBuf {
        let p = self.base.join(path);
        std::fs::canonicalize(&p).unwrap_or(p)
    }
}

/// Adds `source` to `sources` and parses it; a syntax error becomes a
/// diagnostic at its position.
pub fn parse(sources: &mut SourceMap, path: &str, source: &str) -> Result<Module, Diagnostic> {
    let file = sources.add(path, source);
    let stem = Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    parse_module(file, path, source, stem, String::new())
}

fn parse_module(
    file: FileId,
    path: &str,
    source: &str,
    name: String,
    package: String,
) -> Result<Module, Diagnostic> {
    match ast::Suite::parse(source, path) {
        Ok(mut body) => Ok(Module {
            file,
            path: path.to_string(),
            body: {
                walrus::hoist(&mut body);
                body
            },
            name,
            package,
        }),
        Err(err) => {
            let at = usize::from(err.offset).min(source.len());
            let message = err.error.to_string();
            Err(Diagnostic::new(
                Span::new(file, at..at + 1),
                format!("invalid syntax: {message}"),
            )
            .with_help("this is not valid Python 3 syntax"))
        }
    }
}

/// Where a module was found.
enum Found {
    /// A `.py` file; `dir` is set for a package (`__init__.py`).
    File { path: PathBuf, dir: Option<PathBuf> },
    /// A directory without `__init__.py` (a namespace package).
    Namespace(PathBuf),
}

/// Loads the entry module `path` (text `source`) and every project module
/// it imports. `root` is the project directory (`None`: a single-module
/// program; every project import is then missing).
pub fn load(
    sources: &mut SourceMap,
    files: &dyn Files,
    path: &str,
    source: &str,
    root: Option<&Path>,
) -> Result<Project, Vec<Diagnostic>> {
    let entry = parse(sources, path, source).map_err(|d| vec![d])?;
    let mut search = Vec::new();
    if let Some(root) = root {
        search.push(root.to_path_buf());
        let dir = Path::new(path)
            .parent()
            .unwrap_or(Path::new(""))
            .to_path_buf();
        if files.canonical(&dir) != files.canonical(root) {
            search.push(dir);
        }
    }
    let mut loader = Loader {
        files,
        search,
        sources,
        project: Project {
            by_name: HashMap::from([(entry.name.clone(), 0)]),
            modules: vec![],
        },
        dirs: HashMap::new(),
        missing: HashMap::new(),
        canonical: HashMap::new(),
        diags: Vec::new(),
    };
    loader
        .canonical
        .insert(files.canonical(Path::new(path)), entry.name.clone());
    loader.project.modules.push(entry);
    let mut queue = VecDeque::from([0]);
    while let Some(m) = queue.pop_front() {
        let imports = imports_of(&loader.project.modules[m].body);
        for (stmt, names) in imports {
            let before = loader.project.modules.len();
            loader.import(m, stmt, &names);
            queue.extend(before..loader.project.modules.len());
        }
    }
    if loader.diags.is_empty() {
        loader.diags = order::check(&loader.project);
    }
    if loader.diags.is_empty() {
        Ok(loader.project)
    } else {
        let mut diags = loader.diags;
        diags.sort_by_key(|d| (d.span.file, d.span.start));
        Err(diags)
    }
}

/// Every import statement of a body, at any depth, with the names a
/// `from` import takes (empty for `import`).
fn imports_of(body: &[ast::Stmt]) -> Vec<(ImportStmt, Vec<String>)> {
    let mut out = Vec::new();
    let mut stack: Vec<&ast::Stmt> = body.iter().rev().collect();
    while let Some(s) = stack.pop() {
        match s {
            ast::Stmt::ImportFrom(i) => out.push((
                ImportStmt {
                    range: i.range(),
                    level: i.level.map_or(0, |l| l.to_u32()),
                    module: i.module.as_ref().map(|m| m.to_string()),
                },
                i.names.iter().map(|a| a.name.to_string()).collect(),
            )),
            ast::Stmt::Import(i) => {
                for a in &i.names {
                    out.push((
                        ImportStmt {
                            range: a.range(),
                            level: 0,
                            module: Some(a.name.to_string()),
                        },
                        vec![],
                    ));
                }
            }
            other => {
                for b in nested_bodies(other).into_iter().rev() {
                    stack.extend(b.iter().rev());
                }
            }
        }
    }
    out
}

/// The statement lists directly inside a compound statement.
pub(crate) fn nested_bodies(s: &ast::Stmt) -> Vec<&[ast::Stmt]> {
    match s {
        ast::Stmt::FunctionDef(f) => vec![&f.body],
        ast::Stmt::AsyncFunctionDef(f) => vec![&f.body],
        ast::Stmt::ClassDef(c) => vec![&c.body],
        ast::Stmt::If(i) => vec![&i.body, &i.orelse],
        ast::Stmt::For(f) => vec![&f.body, &f.orelse],
        ast::Stmt::AsyncFor(f) => vec![&f.body, &f.orelse],
        ast::Stmt::While(w) => vec![&w.body, &w.orelse],
        ast::Stmt::With(w) => vec![&w.body],
        ast::Stmt::AsyncWith(w) => vec![&w.body],
        ast::Stmt::Try(t) => {
            let mut v: Vec<&[ast::Stmt]> = vec![&t.body, &t.orelse, &t.finalbody];
            for h in &t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                v.push(&h.body);
            }
            v
        }
        ast::Stmt::TryStar(t) => {
            let mut v: Vec<&[ast::Stmt]> = vec![&t.body, &t.orelse, &t.finalbody];
            for h in &t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                v.push(&h.body);
            }
            v
        }
        ast::Stmt::Match(m) => m.cases.iter().map(|c| c.body.as_slice()).collect(),
        _ => vec![],
    }
}

struct ImportStmt {
    range: rustpython_parser::text_size::TextRange,
    level: u32,
    module: Option<String>,
}

struct Loader<'a> {
    files: &'a dyn Files,
    search: Vec<PathBuf>,
    sources: &'a mut SourceMap,
    project: Project,
    /// Package name -> its directory.
    dirs: HashMap<String, PathBuf>,
    /// Names looked up and not found.
    missing: HashMap<String, ()>,
    /// Canonical file -> the module name it was loaded as.
    canonical: HashMap<PathBuf, String>,
    diags: Vec<Diagnostic>,
}

impl Loader<'_> {
    fn error(&mut self, m: usize, stmt: &ImportStmt, message: String, help: String) {
        let range = usize::from(stmt.range.start())..usize::from(stmt.range.end());
        let file = self.project.modules[m].file;
        self.diags
            .push(Diagnostic::new(Span::new(file, range), message).with_help(help));
    }

    fn import(&mut self, m: usize, stmt: ImportStmt, names: &[String]) {
        let package = self.project.modules[m].package.clone();
        let name = match absolute(&package, stmt.level, stmt.module.as_deref()) {
            Ok(n) => n,
            Err(e) => {
                let help = if package.is_empty() && m == 0 {
                    "Kybra runs the entry file as a top-level module; import from the package \
                     by its full name, e.g. `from src.types import X`"
                } else {
                    "import by the module's full name, e.g. `from src.types import X`"
                };
                return self.error(m, &stmt, e, help.into());
            }
        };
        if is_external(&name) {
            return;
        }
        let Some(found) = self.module(m, &stmt, &name) else {
            return;
        };
        // `from package import name` imports the submodule `name` unless the
        // package's `__init__.py` binds it.
        if self.dirs.contains_key(&name) {
            let bound = found.map(|i| top_level_names(&self.project.modules[i].body));
            for n in names {
                if n == "*" || bound.as_ref().is_some_and(|b| b.contains(n)) {
                    continue;
                }
                let sub = format!("{name}.{n}");
                if self.locate(&name, n).is_some() {
                    self.module(m, &stmt, &sub);
                }
            }
        }
    }

    /// Loads the module `name` and its parent packages; `None` (after a
    /// diagnostic) if one is missing, `Some(None)` for a namespace package.
    fn module(&mut self, m: usize, stmt: &ImportStmt, name: &str) -> Option<Option<usize>> {
        let mut result = None;
        let mut prefix = String::new();
        for part in name.split('.') {
            let parent = prefix.clone();
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(part);
            if let Some(&i) = self.project.by_name.get(&prefix) {
                result = Some(i);
                continue;
            }
            if self.dirs.contains_key(&prefix) {
                result = None;
                continue;
            }
            if self.missing.contains_key(&prefix) {
                let (msg, help) = self.not_found(name, &prefix);
                self.error(m, stmt, msg, help);
                return None;
            }
            if let Some(&i) = self.project.by_name.get(&parent) {
                if !self.dirs.contains_key(&parent) {
                    let msg = format!("no module named `{name}`");
                    let help = format!(
                        "`{parent}` is a module ({}), not a package",
                        self.project.modules[i].path
                    );
                    self.error(m, stmt, msg, help);
                    return None;
                }
            }
            let Some(found) = self.locate(&parent, part) else {
                self.missing.insert(prefix.clone(), ());
                let (msg, help) = self.not_found(name, &prefix);
                self.error(m, stmt, msg, help);
                return None;
            };
            match found {
                Found::Namespace(dir) => {
                    self.dirs.insert(prefix.clone(), dir);
                    result = None;
                }
                Found::File { path, dir } => {
                    let is_package = dir.is_some();
                    if let Some(dir) = dir {
                        self.dirs.insert(prefix.clone(), dir);
                    }
                    let canonical = self.files.canonical(&path);
                    if let Some(other) = self.canonical.get(&canonical) {
                        let other = other.clone();
                        self.missing.insert(prefix.clone(), ());
                        self.error(
                            m,
                            stmt,
                            format!(
                                "`{}` is imported as module `{prefix}` here and as `{other}` elsewhere",
                                path.display()
                            ),
                            "Python would run it twice, as two modules with separate globals; \
                             import it by one name everywhere (the entry module cannot be imported)"
                                .into(),
                        );
                        return None;
                    }
                    // `./src/x.py` displays as `src/x.py`, like the entry.
                    let display = path
                        .components()
                        .filter(|c| !matches!(c, std::path::Component::CurDir))
                        .collect::<PathBuf>()
                        .display()
                        .to_string();
                    let Some(text) = self.files.read(&path) else {
                        self.missing.insert(prefix.clone(), ());
                        self.error(
                            m,
                            stmt,
                            format!("cannot read `{display}`"),
                            "check that the file exists and is readable UTF-8".into(),
                        );
                        return None;
                    };
                    self.canonical.insert(canonical, prefix.clone());
                    let file = self.sources.add(&display, &text);
                    let package = if is_package {
                        prefix.clone()
                    } else {
                        parent.clone()
                    };
                    let index = self.project.modules.len();
                    self.project.by_name.insert(prefix.clone(), index);
                    match parse_module(file, &display, &text, prefix.clone(), package) {
                        Ok(module) => self.project.modules.push(module),
                        Err(d) => {
                            self.diags.push(d);
                            // Keep indices stable: an empty module in its place.
                            self.project.modules.push(Module {
                                file,
                                path: display,
                                body: vec![],
                                name: prefix.clone(),
                                package: String::new(),
                            });
                        }
                    }
                    result = Some(index);
                }
            }
        }
        Some(result)
    }

    fn not_found(&self, name: &str, missing: &str) -> (String, String) {
        let places: Vec<String> = self
            .search
            .iter()
            .map(|d| {
                let d = d.display().to_string();
                if d.is_empty() {
                    "the current directory".to_string()
                } else {
                    format!("`{d}`")
                }
            })
            .collect();
        let help = if self.search.is_empty() {
            "of modules outside the project only `kybra` and `typing` are supported (the \
             standard library is not, yet)"
                .to_string()
        } else if missing.contains('.') {
            format!(
                "there is no `{}.py` in package `{}`",
                missing.rsplit('.').next().unwrap_or(missing),
                missing.rsplit_once('.').map_or("", |(p, _)| p)
            )
        } else {
            format!(
                "modules are looked up in {} (Kybra's Python path: run the build in the \
                 project directory, as dfx does); of modules outside the project only `kybra` \
                 and `typing` are supported",
                places.join(" and ")
            )
        };
        (format!("no module named `{name}`"), help)
    }

    /// Finds module `part` in package `parent` (empty: top level).
    fn locate(&self, parent: &str, part: &str) -> Option<Found> {
        let dirs: Vec<PathBuf> = if parent.is_empty() {
            self.search.clone()
        } else {
            self.dirs.get(parent).cloned().into_iter().collect()
        };
        let mut namespace = None;
        for d in dirs {
            let dir = d.join(part);
            if self.files.is_dir(&dir) {
                let init = dir.join("__init__.py");
                if self.files.is_file(&init) {
                    return Some(Found::File {
                        path: init,
                        dir: Some(dir),
                    });
                }
                namespace.get_or_insert(dir);
            }
            let file = d.join(format!("{part}.py"));
            if self.files.is_file(&file) {
                return Some(Found::File {
                    path: file,
                    dir: None,
                });
            }
        }
        namespace.map(Found::Namespace)
    }
}

/// Names a module binds at its top level (definitions, assignments and
/// imports), for telling `from pkg import name` from a submodule import.
fn top_level_names(body: &[ast::Stmt]) -> Vec<String> {
    let mut out = Vec::new();
    for s in body {
        match s {
            ast::Stmt::FunctionDef(f) => out.push(f.name.to_string()),
            ast::Stmt::ClassDef(c) => out.push(c.name.to_string()),
            ast::Stmt::Assign(a) => {
                for t in &a.targets {
                    if let ast::Expr::Name(n) = t {
                        out.push(n.id.to_string());
                    }
                }
            }
            ast::Stmt::AnnAssign(a) => {
                if let ast::Expr::Name(n) = &*a.target {
                    out.push(n.id.to_string());
                }
            }
            ast::Stmt::ImportFrom(i) => {
                out.extend(
                    i.names
                        .iter()
                        .map(|a| a.asname.as_ref().unwrap_or(&a.name).to_string()),
                );
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::absolute;

    #[test]
    fn relative_names() {
        assert_eq!(absolute("", 0, Some("a.b")).unwrap(), "a.b");
        assert_eq!(absolute("src", 1, Some("x")).unwrap(), "src.x");
        assert_eq!(absolute("src", 1, None).unwrap(), "src");
        assert_eq!(absolute("src.sub", 2, Some("x")).unwrap(), "src.x");
        assert!(absolute("src", 2, Some("x")).is_err());
        assert!(absolute("", 1, Some("x")).is_err());
    }
}
