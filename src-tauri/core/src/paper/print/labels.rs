//! Chinese labels for the codes stored by the intake tables (migration 002), as printed on
//! forms and in reports.

pub fn channel(code: &str) -> &'static str {
    match code {
        "call" => "来电",
        "visit" => "来访",
        "written" => "书面",
        "staff_found" => "员工发现",
        _ => "其他",
    }
}

pub fn intake_kind(code: &str) -> &'static str {
    match code {
        "repair" => "报修",
        "complaint" => "投诉",
        "inquiry" => "咨询",
        "suggestion" => "建议",
        "help" => "求助",
        "errand" => "委托",
        _ => "其他",
    }
}

pub fn slip_state(code: &str) -> &'static str {
    match code {
        "opened" => "已登记",
        "dispatched" => "已派工",
        "accepted" => "已接单",
        "on_site" => "已到场",
        "done" => "已完成",
        "return_visited" => "已回访",
        "closed" => "已关闭",
        "paused" => "暂停",
        "cancelled" => "已取消",
        _ => "未知",
    }
}

pub fn satisfaction(code: &str) -> &'static str {
    match code {
        "satisfied" => "满意",
        "basic" => "基本满意",
        "unsatisfied" => "不满意",
        _ => "",
    }
}

pub fn complaint_category(code: &str) -> &'static str {
    match code {
        "service_attitude" => "服务态度",
        "repair_quality" => "维修质量",
        "sanitation" => "环境卫生",
        "order_security" => "秩序安全",
        "fees" => "收费",
        "neighbour" => "邻里纠纷",
        _ => "其他",
    }
}

pub fn validity(code: Option<&str>) -> &'static str {
    match code {
        Some("valid") => "有效",
        Some("invalid") => "无效",
        _ => "待定",
    }
}

pub fn urgency(code: &str) -> &'static str {
    match code {
        "urgent" => "紧急",
        "major" => "重大",
        _ => "一般",
    }
}

pub fn complaint_state(code: &str) -> &'static str {
    match code {
        "open" => "处理中",
        "replied" => "已回复",
        "visited" => "已回访",
        "signed_off" => "已结案",
        _ => "未知",
    }
}

pub fn visit_method(code: &str) -> &'static str {
    match code {
        "phone" => "电话",
        "visit" => "上门",
        "written" => "书面",
        _ => "其他",
    }
}

/// A stored time 'YYYY-MM-DD HH:MM:SS' as printed: to the minute; empty stays empty.
pub fn minute(t: &str) -> String {
    t.get(..16).unwrap_or(t).to_string()
}
