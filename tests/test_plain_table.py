"""components/plain_table.py: the dashboard's feed and years as HTML tables of escaped text
(issue 23's browser row: no st.dataframe grid on the dashboard)."""
from components.plain_table import table_html

HOSTILE = '<script>alert(1)</script> ![x](http://evil.example/x.png) "q" & <b>đậm</b>'


def test_every_cell_and_heading_is_escaped_text():
    html = table_html([{"Tên <hoạt động>": HOSTILE, "Số lượng": "1.234"}], "feed",
                      numeric=("Số lượng",))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;đậm&lt;/b&gt;" in html and "&amp;" in html
    assert "<th scope=\"col\">Tên &lt;hoạt động&gt;</th>" in html
    assert '<td class="llw-num">1.234</td>' in html


def test_columns_keep_their_order_and_a_missing_value_is_an_empty_cell():
    html = table_html([{"A": "1", "B": None, "C": "3"}, {"A": "4", "B": "5", "C": "6"}],
                      "years", nowrap=("A",))
    assert '<table class="llw-table llw-years">' in html
    assert html.index(">A<") < html.index(">B<") < html.index(">C<")
    assert '<td class="llw-nowrap">1</td><td></td><td>3</td>' in html
    assert html.count("<tr>") == 3  # the heading row and two rows


def test_no_rows_no_table():
    assert table_html([], "feed") is None
