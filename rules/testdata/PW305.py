SLACK = "xoxb-2210435567-4471928810-Rk7Lm2Qv9Tn4Wb8Yc3Zd1Fg"  # want: PW305
WEBHOOK = "https://hooks.slack.com/services/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"  # want: PW305

SLACK = os.environ["SLACK_BOT_TOKEN"]
PREFIXES = ("xoxb-", "xoxp-")
