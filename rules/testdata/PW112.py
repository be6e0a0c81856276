import base64
import os as оѕ  # want: PW112

ｅｘｅｃ(base64.b64decode(blob))  # want: PW112
оѕ.system("id")
ехес = eval  # want: PW112
𝐠𝐞𝐭𝐚𝐭𝐭𝐫(оѕ, "popen")("id")  # want: PW112
ѕуѕ = __import__("sys")  # want: PW112
ℯval(code)  # want: PW112

# Names in another script, mathematical letters, and mixed names that do
# not look like a dangerous one.
π = 3.14159
Δt = 0.01
λ = 2 * π
скорость = 10
変数 = 1
ℓ = 2
ρty = 1.0
σs = 1.0
pаssword = input()
