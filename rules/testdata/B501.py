import requests
import httpx

requests.get(url, verify=False, timeout=5)  # want: B501
requests.post(
    url,
    verify=False,  # want: B501
    timeout=5,
)
httpx.Client(verify=False)  # want: B501

requests.get(url, verify=True, timeout=5)
requests.get(url, verify="/etc/ssl/ca.pem", timeout=5)
session.get(url, verify=False)
requests.get(url, verify="False", timeout=5)  # a CA bundle path to requests, not "off"
requests.get(url, verify=settings.VERIFY, timeout=5)
