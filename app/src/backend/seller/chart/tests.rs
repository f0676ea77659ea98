use super::*;

const EN: ChartLabels<'static> = ChartLabels {
    title: "Sales, last 30 days",
    revenue: "Revenue",
    orders: "Orders",
    currency: "CNY",
};

/// `n` days ending on 2026-11-30 (at most 91: from 1 September).
fn days(n: usize, f: impl Fn(usize) -> (i64, i64)) -> Vec<DayPoint> {
    let calendar: Vec<String> = [(9, 30), (10, 31), (11, 30)]
        .into_iter()
        .flat_map(|(month, len)| (1..=len).map(move |d| format!("2026-{month:02}-{d:02}")))
        .collect();
    calendar[calendar.len() - n..]
        .iter()
        .enumerate()
        .map(|(i, day)| {
            let (orders, revenue_minor) = f(i);
            DayPoint {
                day: day.clone(),
                orders,
                revenue_minor,
            }
        })
        .collect()
}

/// Checks that every tag is closed in order; text is escaped, so `<` only opens tags.
fn assert_balanced(svg: &str) {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("every tag ends") + start;
        let tag = &rest[start + 1..end];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "closing </{name}>");
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().expect("tag name");
            stack.push(name);
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

fn text_contents<'a>(svg: &'a str, marker: &str) -> Vec<&'a str> {
    let Some(start) = svg.find(marker) else {
        return Vec::new();
    };
    let group = &svg[start..];
    let group = &group[..group.find("</g>").unwrap_or(group.len())];
    group
        .split("<text ")
        .skip(1)
        .filter_map(|t| {
            let content = &t[t.find('>')? + 1..];
            Some(&content[..content.find("</text>")?])
        })
        .collect()
}

#[test]
fn a_week_of_sales_renders_balanced_accessible_svg() {
    let points = days(7, |i| (i as i64 + 1, 10_000 * (i as i64 + 1) + 50));
    let svg = sales_chart(&points, &EN);
    assert_balanced(&svg);
    assert_eq!(count(&svg, "<svg"), 1);
    assert_eq!(count(&svg, "</svg>"), 1);
    assert!(svg.contains(r#"viewBox="0 0 720 300""#));
    assert!(svg.contains(r#"width="100%""#));
    assert!(svg.contains(r#"role="img""#));
    assert!(svg.contains("<title>Sales, last 30 days</title>"));
    // 28 orders and 2,800.00 + 0.50 × 7 = 2,803.50 CNY in total.
    assert!(
        svg.contains("<desc>2026-11-24 – 2026-11-30: Revenue 2,803.50 CNY, Orders 28</desc>"),
        "{svg}"
    );
    assert_eq!(count(&svg, r#"<rect class="bar" x="#), 7);
    assert_eq!(count(&svg, r#"<circle class="dot""#), 7);
    assert_eq!(count(&svg, "<polyline class=\"line\""), 1);
    for class in ["class=\"grid\"", "class=\"axis\"", "class=\"legend\""] {
        assert!(svg.contains(class), "{class}");
    }
}

#[test]
fn each_bar_carries_a_tooltip_in_the_labels_language() {
    let points = vec![DayPoint {
        day: "2026-11-30".into(),
        orders: 1_203,
        revenue_minor: 123_456_789,
    }];
    let zh = ChartLabels {
        title: "近 7 天销售",
        revenue: "销售额",
        orders: "订单",
        currency: "元",
    };
    let svg = sales_chart(&points, &zh);
    assert_balanced(&svg);
    assert!(svg.contains("<title>2026-11-30: 销售额 1,234,567.89 元, 订单 1,203</title>"));
    assert!(svg.contains("<title>近 7 天销售</title>"));
    assert!(!svg.contains("Revenue") && !svg.contains("Orders"));
}

#[test]
fn label_text_is_xml_escaped() {
    let nasty = ChartLabels {
        title: "Tom & Jerry's <script>\"x\"</script>",
        revenue: "<b>收入</b>",
        orders: "A&B",
        currency: "C<N>Y",
    };
    let points = vec![DayPoint {
        day: "<day>&".into(),
        orders: 2,
        revenue_minor: 500,
    }];
    let svg = sales_chart(&points, &nasty);
    assert_balanced(&svg);
    assert!(!svg.contains("<script"));
    assert!(!svg.contains("<b>"));
    assert!(!svg.contains("<day>"));
    assert!(svg.contains("Tom &amp; Jerry&apos;s &lt;script&gt;&quot;x&quot;&lt;/script&gt;"));
    assert!(svg.contains("&lt;b&gt;收入&lt;/b&gt; (C&lt;N&gt;Y)"));
    assert!(svg.contains("A&amp;B 2"));
    // No bare ampersand anywhere: each one starts an entity.
    for (i, _) in svg.match_indices('&') {
        let entity = &svg[i..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                .iter()
                .any(|e| entity.starts_with(e)),
            "bare & at {i}"
        );
    }
}

#[test]
fn all_zero_data_draws_an_empty_chart_without_nan() {
    for points in [days(30, |_| (0, 0)), Vec::new()] {
        let svg = sales_chart(&points, &EN);
        assert_balanced(&svg);
        for bad in ["NaN", "inf", "=\"-"] {
            assert!(!svg.contains(bad), "{bad} in {svg}");
        }
        assert!(svg.contains("Revenue 0.00 CNY, Orders 0</desc>"));
        // Only the zero of each axis is labelled.
        assert_eq!(
            text_contents(&svg, r##"<g class="tick" fill="#4a5568">"##),
            ["0", "0"]
        );
        for bar in svg.split(r#"<rect class="bar" x="#).skip(1) {
            assert!(bar.contains(r#"height="0""#));
        }
    }
}

#[test]
fn a_single_day_draws_a_dot_but_no_line() {
    let svg = sales_chart(&days(1, |_| (3, 9_900)), &EN);
    assert_balanced(&svg);
    assert!(!svg.contains("<polyline"));
    assert_eq!(count(&svg, r#"<circle class="dot""#), 1);
}

#[test]
fn negative_values_are_drawn_as_zero_but_counted_in_the_totals() {
    let points = days(7, |i| if i == 3 { (0, -5_000) } else { (1, 10_000) });
    let svg = sales_chart(&points, &EN);
    assert_balanced(&svg);
    assert!(svg.contains("Revenue 550.00 CNY, Orders 6</desc>"));
    assert!(svg.contains("Revenue -50.00 CNY, Orders 0</title>"));
    assert!(!svg.contains(r#"height="-"#));
}

#[test]
fn tick_steps_are_one_two_or_five_times_a_power_of_ten() {
    let is_nice = |step: i64| {
        let mut m = step;
        while m % 10 == 0 {
            m /= 10;
        }
        matches!(m, 1 | 2 | 5)
    };
    for max in (1..2_000).chain([9_999, 10_001, 123_456, 999_999_999, 1_234_567_890_123]) {
        for other in [0, 1, 7, 45, 12_345, max / 3] {
            let (revenue, orders) = shared_scales(max, other);
            assert!(is_nice(revenue.step), "step {} for {max}", revenue.step);
            assert!(revenue.top >= max, "top {} below {max}", revenue.top);
            assert!((2..=10).contains(&revenue.intervals) || max < 3);
            assert_eq!(revenue.top, revenue.step * revenue.intervals);
            if other > 0 {
                assert!(is_nice(orders.step));
                assert!(orders.top >= other);
                assert_eq!(orders.intervals, revenue.intervals, "shared gridlines");
            }
        }
    }
}

#[test]
fn ticks_are_round_for_typical_values() {
    assert_eq!(nice_step(1), 1);
    assert_eq!(nice_step(3), 5);
    assert_eq!(nice_step(17), 20);
    assert_eq!(nice_step(20), 20);
    assert_eq!(nice_step(21), 50);
    assert_eq!(nice_step(51), 100);
    assert_eq!(nice_step(24_691), 50_000);
    // 1,234.56 CNY: gridlines every 500 CNY up to 1,500.
    let (revenue, _) = shared_scales(123_456, 0);
    assert_eq!((revenue.step, revenue.top), (50_000, 150_000));
    let svg = sales_chart(&days(7, |i| (0, 123_456 * (i as i64) / 6)), &EN);
    assert_eq!(
        text_contents(&svg, r##"<g class="tick" fill="#4a5568">"##),
        ["0", "0", "500", "1,000", "1,500"]
    );
    // Small amounts keep their decimals.
    assert_eq!(format_tick_minor(50, 10), "0.50");
    assert_eq!(format_tick_minor(150_000_000, 50_000_000), "1,500,000");
}

#[test]
fn ninety_days_show_about_seven_dates_that_do_not_overlap() {
    let points = days(90, |i| ((i % 9) as i64, 1_000 * i as i64));
    let svg = sales_chart(&points, &EN);
    assert_balanced(&svg);
    assert_eq!(count(&svg, r#"<rect class="bar" x="#), 90);
    let dates = text_contents(&svg, r#"text-anchor="middle">"#);
    assert!((6..=8).contains(&dates.len()), "{dates:?}");
    assert_eq!(dates.last(), Some(&"11-30"));
    assert!(
        dates
            .iter()
            .all(|d| d.len() == 5 && d.as_bytes()[2] == b'-')
    );
    // A label is about 30 units wide; neighbours are far enough apart.
    let indices = x_label_indices(90);
    let slot = (PLOT_RIGHT - PLOT_LEFT) / 90.0;
    for pair in indices.windows(2) {
        assert!((pair[1] - pair[0]) as f64 * slot >= 40.0);
    }
}

#[test]
fn dates_are_thinned_for_every_supported_range() {
    assert_eq!(x_label_indices(7), (0..7).collect::<Vec<_>>());
    assert_eq!(x_label_indices(30), [4, 9, 14, 19, 24, 29]);
    assert_eq!(x_label_indices(90).len(), 7);
    assert!(x_label_indices(0).is_empty());
    assert_eq!(x_label_indices(1), [0]);
}

#[test]
fn amounts_are_formatted_from_minor_units() {
    assert_eq!(format_minor(0), "0.00");
    assert_eq!(format_minor(5), "0.05");
    assert_eq!(format_minor(123_450), "1,234.50");
    assert_eq!(format_minor(100_000_000), "1,000,000.00");
    assert_eq!(format_minor(-250), "-2.50");
    assert_eq!(group_thousands(1_234_567), "1,234,567");
    assert_eq!(group_thousands(999), "999");
}

#[test]
fn short_days_drop_the_year_only_from_iso_dates() {
    assert_eq!(short_day("2026-11-30"), "11-30");
    assert_eq!(short_day("11月30日"), "11月30日");
    assert_eq!(short_day("yesterday"), "yesterday");
}
