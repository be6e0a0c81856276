import openai

openai.api_key = "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"  # want: PW308
client = openai.OpenAI(api_key="sk-proj-Rk7Lm2Qv9Tn4Wb8Yc3Zd1Fg5Hj0Ks2Pa9NxQe4UxRk7Lm2Qv9Tn4Wb8Yc3Zd1Fg5Hj0Ks2Pa9NxQe4Ux")  # want: PW308

openai.api_key = os.getenv("OPENAI_API_KEY")
EXAMPLE = "sk-..."
disk = "disk-usage-report"
