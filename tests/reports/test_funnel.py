"""funnel and channels: each stage counted in the period by the date of its own event.

Stage events in H1 (2026-01-01 to 2026-06-30): a date is counted, "-" is outside the period
or never reached. Stages: submitted, interview requested, interviewed, offered, accepted,
retained 90 days.

    app   channel      subm.  int.req. interv. offered accepted retained
    0001  referral     03-12  03-13    03-18   04-02   04-04    -  (day 90 is 07-05)
    0002  job_board    01-08  01-09    01-14   01-20   01-22    -  (left 04-10)
    0003  headhunting  02-10  02-10    02-16   03-01   -        -  (declined 03-03)
    0004  referral     04-10  -        -       -       -        -  (feedback: hold)
    0005  referral     04-13  -        -       -       -        -  (withdrawn 04-14)
    0006  job_board    04-13  -        -       -       -        -  (feedback: reject)
    0101  headhunting  -      -        -       -       01-05    04-12 (left on day 90)
    0102  referral     05-11  05-13    05-20   06-25   06-30    -  (no placement)
    0103  headhunting  05-06  05-06    05-12   06-26   -        -  (accepted 07-01)
"""

from datetime import date

from hiring_history import hiring_fixture, metric

from hirebook.reports.period import Period

hiring = hiring_fixture()


def test_funnel_counts_and_step_rates(hiring):
    # Column sums of the table: 8, 5, 5, 5, 4, 1.
    # Step rates: 5/8, 5/5, 5/5, 4/5, 1/4.
    assert metric(hiring, "funnel") == {
        "submitted": 8,
        "interview_requested": 5,
        "interviewed": 5,
        "offered": 5,
        "accepted": 4,
        "retained_90": 1,
        "step_rates": {
            "interview_requested": 0.625,
            "interviewed": 1.0,
            "offered": 1.0,
            "accepted": 0.8,
            "retained_90": 0.25,
        },
    }


def test_funnel_of_an_empty_period_has_null_rates(hiring):
    result = metric(hiring, "funnel", period=Period(date(2026, 8, 1), date(2026, 8, 31)))
    assert {stage: result[stage] for stage in ("submitted", "accepted")} == {
        "submitted": 0,
        "accepted": 0,
    }
    assert set(result["step_rates"].values()) == {None}


def test_channels_split_the_funnel(hiring):
    # referral: 0001, 0004, 0005, 0102 submitted; 0001 and 0102 through to accepted.
    # headhunting: 0003, 0103 submitted/requested/interviewed/offered; 0101 accepted, retained.
    # job_board: 0002, 0006 submitted; 0002 through to accepted.
    # Ordered by accepted (2, 1, 1), then submitted (4, 2, 2), then name.
    result = metric(hiring, "channels")
    assert list(result) == ["referral", "headhunting", "job_board"]
    counts = {
        channel: [entry[stage] for stage in ("submitted", "interview_requested", "interviewed")]
        + [entry[stage] for stage in ("offered", "accepted", "retained_90")]
        for channel, entry in result.items()
    }
    assert counts == {
        "referral": [4, 2, 2, 2, 2, 0],
        "headhunting": [2, 2, 2, 2, 1, 1],
        "job_board": [2, 1, 1, 1, 1, 0],
    }
    # headhunting: 1 accepted of 2 offered; the 1 retained of 1 accepted.
    assert result["headhunting"]["step_rates"]["accepted"] == 0.5
    assert result["headhunting"]["step_rates"]["retained_90"] == 1.0
    assert result["referral"]["step_rates"]["interview_requested"] == 0.5  # 2 / 4


def test_channels_sum_to_the_funnel(hiring):
    funnel = metric(hiring, "funnel")
    channels = metric(hiring, "channels")
    for stage in ("submitted", "interview_requested", "accepted", "retained_90"):
        assert sum(entry[stage] for entry in channels.values()) == funnel[stage]
