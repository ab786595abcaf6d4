"""Start the bot process on a chosen date, for end-to-end tests only.

The end-to-end test puts this folder on PYTHONPATH and sets SALESBOARD_TEST_CLOCK to an ISO
instant; Python imports this module at start-up, and time-machine moves the process's wall clock
there and lets it tick at normal speed. The bot's code is unchanged: its scheduler and services
simply see that date, so the test does not depend on the day CI happens to run.
"""

import os

_start = os.environ.get("SALESBOARD_TEST_CLOCK")
if _start:
    import time_machine

    time_machine.travel(_start, tick=True).start()
