"""The 27 achievements: what each one asks, in the learner's own history. No I/O.

Every check is real and is made by the fold (``fold.py``) at the moment its condition first
holds, which is when the achievement is unlocked. "All of" a category or difficulty means every
public scenario of it that was listed (published and not deleted) at the time of the learner's
completion that finished the set, so a scenario published later never takes an achievement back.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Achievement:
    code: str
    title: str
    description: str


# Completions of any scenario, in any language (each run counts).
COMPLETION_COUNTS = {
    "first_steps": 1,
    "getting_started": 5,
    "dedicated_learner": 10,
    "scenario_master": 25,
    "century_club": 100,
}
STREAK_DAYS = {"streak_starter": 3, "week_warrior": 7, "month_master": 30, "unstoppable": 100}
# milestone kind -> {code: how many distinct ones}
MILESTONE_COUNTS = {
    "rating": {"helpful_reviewer": 10, "super_reviewer": 50},
    "collection": {"curator": 5},
    "bookmark": {"bookworm": 20},
    "share": {"social_butterfly": 10},
    "word": {"vocabulary_builder": 100, "word_wizard": 500},
}
# (group kind, group value) -> code: every listed scenario of it completed.
ALL_OF = {
    ("category", "restaurant"): "restaurant_champion",
    ("category", "travel"): "travel_champion",
    ("difficulty", "beginner"): "beginner_graduate",
    ("difficulty", "intermediate"): "intermediate_achiever",
    ("difficulty", "advanced"): "advanced_master",
}
PERFECT_SCORE = 100
EXCELLENT_SCORE = 90
EXCELLENCE_RUNS = 5
CULTURE_LANGUAGES = 3
POLYGLOT_LANGUAGES = 3
SPEED_SHARE = 0.5

CATALOGUE = (
    Achievement("first_steps", "First Steps", "Complete your first scenario"),
    Achievement("getting_started", "Getting Started", "Complete 5 scenarios"),
    Achievement("dedicated_learner", "Dedicated Learner", "Complete 10 scenarios"),
    Achievement("scenario_master", "Scenario Master", "Complete 25 scenarios"),
    Achievement("century_club", "Century Club", "Complete 100 scenarios"),
    Achievement("restaurant_champion", "Restaurant Champion", "Complete every restaurant scenario"),
    Achievement("travel_champion", "Travel Champion", "Complete every travel scenario"),
    Achievement("streak_starter", "Streak Starter", "Learn 3 days in a row"),
    Achievement("week_warrior", "Week Warrior", "Learn 7 days in a row"),
    Achievement("month_master", "Month Master", "Learn 30 days in a row"),
    Achievement("unstoppable", "Unstoppable", "Learn 100 days in a row"),
    Achievement("comeback_kid", "Comeback Kid", "Keep your streak with a freeze for the first time"),
    Achievement("perfectionist", "Perfectionist", "Finish a scenario with a perfect score"),
    Achievement("excellence_streak", "Excellence Streak", "Score 90 or more in 5 scenarios in a row"),
    Achievement("cultural_expert", "Cultural Expert", "Live the same situation in 3 languages: one scenario completed in each"),
    Achievement("speed_demon", "Speed Demon", "Complete a scenario in half its estimated time or less, scoring 60 or more"),
    Achievement("helpful_reviewer", "Helpful Reviewer", "Rate 10 scenarios"),
    Achievement("super_reviewer", "Super Reviewer", "Rate 50 scenarios"),
    Achievement("curator", "Curator", "Create 5 collections"),
    Achievement("bookworm", "Bookworm", "Bookmark 20 scenarios or documents"),
    Achievement("social_butterfly", "Social Butterfly", "Share 10 things: make collections public or publish scenarios"),
    Achievement("vocabulary_builder", "Vocabulary Builder", "Learn 100 words (cards that reach review)"),
    Achievement("word_wizard", "Word Wizard", "Learn 500 words"),
    Achievement("beginner_graduate", "Beginner Graduate", "Complete every beginner scenario"),
    Achievement("intermediate_achiever", "Intermediate Achiever", "Complete every intermediate scenario"),
    Achievement("advanced_master", "Advanced Master", "Complete every advanced scenario"),
    Achievement("polyglot", "Polyglot", "Complete scenarios in 3 languages"),
)
BY_CODE = {achievement.code: achievement for achievement in CATALOGUE}
