x = "plain"
access = "user‮ ⁦# admin⁩ ⁦"  # want: B613
other = "⁧ second line is not reported"
escaped = "\u202e"
