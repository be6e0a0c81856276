import requests
import requests as rq
from requests import post
import httpx

requests.get(url)  # want: B113
rq.delete(url, headers=h)  # want: B113
post(url, json=body)  # want: B113
requests.get(url, timeout=None)  # want: B113
httpx.Client(timeout=None)  # want: B113

requests.get(url, timeout=5)
requests.get(url, timeout=cfg.timeout)
requests.Session()
httpx.get(url)
session.get(url)
