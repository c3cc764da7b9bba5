// The dialect's own header, allowed.
#pragma once
