//! Search over intake entries, slips and complaints; and the demo-data generator.

use frontdesk_core::desk::search::{self, SearchQuery};
use frontdesk_core::synthetic::{self, GenerateInput};

use super::{out, Op, Outcome};
use crate::Session;

pub const OPS: &[Op] = &[
    Op {
        area: "search",
        verb: "",
        about:
            "统一搜索来电来访、派工单、投诉(房号、姓名、电话或尾号、单号、内容中的词),最新的在前",
        args: "--text 漏水 [--limit 20] [--offset 0]",
        run: run_search,
    },
    Op {
        area: "dev",
        verb: "generate",
        about: "向新的空数据库生成演示数据(固定种子,结果可重现)",
        args: "--years 10 --seed 1 [--entries-per-year 50000] [--rooms 3000]",
        run: |s| {
            let i: GenerateInput = s.cli.input()?;
            out(synthetic::generate(&mut s.store, s.ctx.now, i)?)
        },
    },
];

/// `--json` gives the whole page (with has_more); the terminal gets one line per hit.
fn run_search(s: &mut Session) -> Outcome {
    let q: SearchQuery = s.cli.input()?;
    let page = search::search(&mut s.store, &s.ctx, q)?;
    if s.cli.json {
        out(page)
    } else {
        out(page.hits)
    }
}
