import stripe

stripe.api_key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc9Wm2"  # want: PW306
RESTRICTED = "rk_test_51Hq2Lm9Qv4Tn8Wb3Yc6Zd1Fg5"  # want: PW306

stripe.api_key = "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"
stripe.api_key = os.environ["STRIPE_KEY"]
