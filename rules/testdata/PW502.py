import keyboard
import pyperclip
import pyautogui
import cv2
from PIL import ImageGrab
from pynput import keyboard as kb

text = pyperclip.paste()  # want: PW502
ImageGrab.grab().save("s.png")  # want: PW502
pyautogui.screenshot("s.png")  # want: PW502
kb.Listener(on_press=print).start()  # want: PW502
keyboard.on_press(print)  # want: PW502
cam = cv2.VideoCapture(0)  # want: PW502

pyperclip.copy("x")
keyboard.add_hotkey("ctrl+s", print)
cv2.imread("photo.png")
